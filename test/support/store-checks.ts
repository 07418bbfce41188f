import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import type { CliIo } from '../../src/main/cli/io';
import { loadDocument, setTrashed } from '../../src/main/core/document-store';
import { listDocuments } from '../../src/main/core/documents-repo';
import { isMinnesError } from '../../src/main/core/errors';
import { openStore } from '../../src/main/core/store';

/** Helpers for tests that attack the store: real files, real SQLite, real mounts where we may. */

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** SQLite header bytes 18–19: 1 1 for a rollback journal, 2 2 for WAL. */
export function journalBytes(file: string): [number, number] {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    readSync(fd, b, 0, 2, 18);
    return [b[0]!, b[1]!];
  } finally {
    closeSync(fd);
  }
}

export async function cli(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr, lines: stderr.trim().split('\n') };
}

/**
 * What must hold after every case: the store opens, lists, opens (or says clearly why not) and
 * trashes every document, and integrity_check is ok. Returns how many documents it saw.
 */
export function assertSound(file: string): number {
  const db = openStore(file);
  try {
    const docs = listDocuments(db);
    for (const d of docs) {
      try {
        loadDocument(db, d.id);
      } catch (e) {
        expect(isMinnesError(e) && e.code === 'content_unreadable', String(e)).toBe(true);
      }
      if (d.status === 'utkast' || d.status === 'granskning') setTrashed(db, d.id, true);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return docs.length;
  } finally {
    db.close();
  }
}

/** A tmpfs of `size` mounted on a new folder, or null where mounting is not allowed. */
export function mountTmpfs(size: string): { dir: string; remount: (mode: 'ro' | 'rw') => void; release: () => void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-mnt-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    remount: (mode) => {
      expect(spawnSync('mount', ['-o', `remount,${mode}`, dir]).status).toBe(0);
    },
    release: () => {
      spawnSync('mount', ['-o', 'remount,rw', dir]);
      spawnSync('umount', [dir]);
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
