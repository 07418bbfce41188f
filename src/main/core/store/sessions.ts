import { mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Whether the database was left open by a process that is gone (a crash, a kill, a power cut):
 * then, and only then, the next open reads the whole file to check it. Every process that opens
 * the store for writing leaves a marker file in a hidden folder beside it and removes it when it
 * closes; a marker whose process no longer runs is an unclean shutdown. A marker from another
 * machine (a network folder) looks stale here, which costs one extra check and is the safe error.
 */

const folderOf = (dbFile: string) => join(dirname(dbFile), `.${basename(dbFile)}.sessions`);

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but is someone else's
  }
}

/** Markers left by processes that no longer run. Reads only: safe before we know the file is ours. */
export function staleSessions(dbFile: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folderOf(dbFile));
  } catch {
    return [];
  }
  return names.filter((n) => !alive(Number(n.split('-')[0]))).map((n) => join(folderOf(dbFile), n));
}

const ours = new Set<string>();
let hooked = false;

function removeMarker(marker: string): void {
  ours.delete(marker);
  rmSync(marker, { force: true });
  try {
    rmdirSync(dirname(marker)); // only when empty: another process may still have the store open
  } catch {
    // not empty, or already gone
  }
}

/**
 * Marks the store open by this process and drops the stale markers (call after a check passed, so a
 * failed check keeps them and the next open checks again). Returns the function for a clean close.
 * A process that exits without closing (a CLI command) still counts as clean: its exit removes them.
 */
export function beginSession(dbFile: string, stale: readonly string[]): () => void {
  const folder = folderOf(dbFile);
  const marker = join(folder, `${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(marker, '');
  } catch {
    return () => {}; // a marker we cannot write only means no check after a crash; never refuse the store for it
  }
  for (const s of stale) rmSync(s, { force: true });
  ours.add(marker);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => [...ours].forEach(removeMarker));
  }
  return () => removeMarker(marker);
}
