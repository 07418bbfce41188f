import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDocuments } from '../src/main/core/documents-repo';
import { createHandlers } from '../src/main/core/handlers';
import { createFromTemplate } from '../src/main/core/new-document';
import { integrityChecksRun } from '../src/main/core/store/integrity';
import { openStore } from '../src/main/core/store';
import { bundleForTest } from './support/job-worker';
import { cli } from './support/store-checks';
import { useTmpDir } from './support/tmp';

/**
 * The store opens without reading the whole file, and still never works on a damaged one unawares:
 * after a crash (a real process, killed) the next open checks it; a damaged page that no check has
 * seen is reported, in one line, by the first read that touches it.
 */

const tmp = useTmpDir();
let holder = '';
beforeAll(async () => {
  holder = await bundleForTest('test/support/hold-open.ts', 'hold-open');
}, 60_000);

function storeWithDocs(file: string, n = 3): void {
  const db = openStore(file);
  for (let i = 0; i < n; i++) createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: `Tema ${i}` });
  db.close();
}

/** Opens the store in another process and kills it with SIGKILL once it is open: an unclean shutdown. */
function crashWhileOpen(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [holder, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && child.kill('SIGKILL'));
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`holder did not stay open: ${err}`))));
  });
}

/** Scribbles over the documents table's root page, which any listing reads. */
function damageDocumentsTable(file: string): void {
  const raw = new Database(file, { readonly: true });
  const root = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'documents'`).pluck().get() as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const bytes = readFileSync(file);
  for (let i = (root - 1) * pageSize + 8; i < root * pageSize; i++) bytes[i] = (i * 197 + 13) % 256;
  writeFileSync(file, bytes);
}

/** Opens and closes, returning how many whole-file checks that took. */
function checksAtOpen(file: string): number {
  const before = integrityChecksRun();
  openStore(file).close();
  return integrityChecksRun() - before;
}

describe('opening the store', () => {
  it('a store closed cleanly opens without the whole-file check; after a crash the next open checks it, once', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDocs(file);
    expect(checksAtOpen(file)).toBe(0);
    expect(checksAtOpen(file)).toBe(0);

    await crashWhileOpen(file);
    expect(checksAtOpen(file)).toBe(1);
    // The check passed, the crashed session is forgotten, and a clean close leaves nothing behind.
    expect(checksAtOpen(file)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['minnes.sqlite']);
  });

  it('another process that still has the store open is not a crash', async () => {
    const file = join(tmp(), 'minnes.sqlite');
    storeWithDocs(file);
    const app = openStore(file); // the app, still running
    expect(checksAtOpen(file)).toBe(0); // a CLI command meanwhile
    app.close();
    expect(checksAtOpen(file)).toBe(0);
  });

  it('a damaged store left by a crash is refused at the next open with its message, file unchanged, and stays refused', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDocs(file);
    await crashWhileOpen(file);
    damageDocumentsTable(file);
    const before = readFileSync(file);

    expect(() => openStore(file)).toThrow(/är skadad\. Den har inte ändrats; återställ den från en säkerhetskopia/);
    const r = await cli(dir, 'list', '--db', file);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/minnes\.sqlite är skadad/)]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('damaged pages in a store closed cleanly: the first read that touches them says so in one line', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDocs(file);
    damageDocumentsTable(file);
    const before = readFileSync(file);

    const db = openStore(file); // no whole-file check: the damage is not seen yet
    expect(() => listDocuments(db)).toThrow();
    db.close();
    const r = await cli(dir, 'list', '--db', file);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([expect.stringMatching(/skadad.*säkerhetskopia/)]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('"Kontrollera databasen" reads the whole file: sound says so, damaged gives the damaged message', async () => {
    const file = join(tmp(), 'minnes.sqlite');
    storeWithDocs(file);
    const db = openStore(file);
    const api = createHandlers({ db, dbPath: file, host: 'browser' });
    const before = integrityChecksRun();
    expect(await api.checkDatabase({})).toEqual({
      ok: true,
      message: expect.stringMatching(/^Databasen är hel/),
      text: { key: 'errors.store.checkedWhole', params: { at: expect.any(String) } },
    });
    expect(integrityChecksRun() - before).toBe(1);
    db.close();
    damageDocumentsTable(file);
    const again = openStore(file);
    const r = await createHandlers({ db: again, dbPath: file, host: 'browser' }).checkDatabase({});
    again.close();
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/minnes\.sqlite är skadad\. Den har inte ändrats/),
      text: { key: 'errors.store.damaged' },
    });
  });

  it('minnes check reads the whole file: ok for a sound store, one line and exit 1 for a damaged one', async () => {
    const dir = tmp();
    const file = join(dir, 'minnes.sqlite');
    storeWithDocs(file);
    const ok = await cli(dir, 'check', '--db', file);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(`${file}: ok\n`);
    damageDocumentsTable(file);
    const bad = await cli(dir, 'check', '--db', file);
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual([expect.stringMatching(/minnes\.sqlite är skadad\. Den har inte ändrats/)]);
  });
});
