'use strict';
// What the last Node build was made from: every source file it read and every file it wrote, with
// its mtime. bin/minnes.cjs runs on every `minnes` call, so freshness is one small JSON read and a
// stat per listed file, never a walk of the source folders. A file counts as changed when its mtime
// differs in either direction (a checkout or a copy can set an older one), or when it is gone.
const { readFileSync, statSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const STAMP = join('out', 'node', 'build-stamp.json');

/** @param {string} root @returns {boolean} */
function stampFresh(root) {
  let files;
  try {
    files = JSON.parse(readFileSync(join(root, STAMP), 'utf8')).files;
  } catch {
    return false;
  }
  if (!files || typeof files !== 'object') return false;
  for (const [file, mtimeMs] of Object.entries(files)) {
    const st = statSync(join(root, file), { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * @param {string} root
 * @param {string[]} inputs files the build read (relative to root)
 * @param {string[]} outputs files the build wrote
 * @param {number} startedAt when the build began reading: an input changed after that is recorded as stale
 */
function writeStamp(root, inputs, outputs, startedAt) {
  const files = {};
  const written = new Set(outputs);
  for (const file of [...new Set([...inputs, ...outputs])].sort()) {
    const st = statSync(join(root, file), { throwIfNoEntry: false });
    if (st) files[file] = written.has(file) || st.mtimeMs <= startedAt ? st.mtimeMs : -1;
  }
  const tmp = join(root, `${STAMP}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify({ files })}\n`);
  renameSync(tmp, join(root, STAMP));
}

module.exports = { stampFresh, writeStamp, STAMP };
