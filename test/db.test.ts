import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/main/core/db';
import { SCHEMA_VERSION } from '../src/main/core/migrations';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

describe('openDatabase', () => {
  it('creates a new database with WAL, full sync, foreign keys and the current schema', () => {
    const file = join(tmp(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer version and leaves the file byte-identical', () => {
    const file = join(tmp(), 'future.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE other (x)');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/nyare version av Minnes/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const file = join(tmp(), 'notes.sqlite');
    writeFileSync(file, 'Det här är inga minnesanteckningar i en databas.\n');
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/inte en Minnes-databas/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('migrates an older database in one step and keeps its rows', () => {
    const file = join(tmp(), 'old.sqlite');
    openDatabase(file).close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });
});
