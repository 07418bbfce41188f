'use strict';
// What the last Node build was made from: every source file it read and every file it wrote, with
// its mtime. bin/minnes.cjs runs this on every `minnes` call, so freshness is one small JSON read
// and a stat per listed file (about 120 for the CLI), never a walk of the source folders. A file
// counts as changed when its mtime differs in either direction (a checkout or a copy can set an
// older one), or when it is gone.
const { readFileSync, statSync, writeFileSync, renameSync } = require('node:fs');

const stampFile = (root, name) => `${root}/out/node/${name}-stamp.json`;

/** @param {string} root @param {string} name which stamp: "cli" (bin/minnes.cjs) or "node" (all Node bundles) */
function stampFresh(root, name) {
  let files;
  try {
    files = JSON.parse(readFileSync(stampFile(root, name), 'utf8')).files;
  } catch {
    return false;
  }
  if (!files || typeof files !== 'object') return false;
  // String concatenation, not path.join: this runs cold on every start, and join costs more than the stat.
  for (const file in files) {
    const st = statSync(`${root}/${file}`, { throwIfNoEntry: false });
    if (!st || st.mtimeMs !== files[file]) return false;
  }
  return true;
}

/**
 * @param {string} root
 * @param {string} name
 * @param {string[]} inputs files the build read, relative to root with "/"
 * @param {string[]} outputs files the build wrote
 * @param {number} startedAt when the build began reading: an input changed after that is recorded as stale
 */
function writeStamp(root, name, inputs, outputs, startedAt) {
  const files = {};
  const written = new Set(outputs);
  for (const file of [...new Set([...inputs, ...outputs])].sort()) {
    const st = statSync(`${root}/${file}`, { throwIfNoEntry: false });
    if (st) files[file] = written.has(file) || st.mtimeMs <= startedAt ? st.mtimeMs : -1;
  }
  const tmp = `${stampFile(root, name)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ files })}\n`);
  renameSync(tmp, stampFile(root, name));
}

module.exports = { stampFresh, writeStamp };
