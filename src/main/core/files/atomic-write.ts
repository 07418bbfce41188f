import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { msg, userError, type MinnesError } from '../errors';

function explain(e: unknown, target: string): MinnesError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const name = basename(target);
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return userError('file_locked', 'errors.file.locked', { name });
    case 'EACCES':
    case 'EROFS':
      return userError('no_permission', 'errors.file.noPermission', { name });
    case 'ENOSPC':
    case 'EDQUOT':
      return userError('disk_full', 'errors.file.diskFull', { name });
    case 'ENOENT':
    case 'ENOTDIR':
      return userError('no_folder', 'errors.file.noFolder', { name });
    case 'EISDIR':
      return userError('is_folder', 'errors.file.isFolder', { name });
    default:
      return userError('write_failed', 'errors.file.writeFailed', { name, detail: code || msg('errors.unknownError') });
  }
}

/**
 * Writes a file so that it is either the old one or the whole new one: a temporary file in the
 * same folder, flushed to disk, then renamed over the target. Nothing half-written is ever left.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    // Clean-up must never hide the real reason (it fails too when the folder is not a folder).
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      /* nothing was written where it could be left behind */
    }
    throw explain(e, target);
  }
  // Make the rename itself durable where the platform allows it.
  try {
    const dfd = openSync(dirname(target), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    /* not supported on every platform (e.g. Windows); the data itself is already on disk */
  }
}
