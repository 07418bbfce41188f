'use strict';
// better-sqlite3 in node_modules is built for Node (the CLI, the browser host, the tests).
// Electron needs the same module built for its own ABI: build that copy into a cache folder
// and hand its path to the app (MINNES_ELECTRON_SQLITE), so neither runtime ever loads the wrong one.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');

function electronVersion() {
  return require(join(root, 'node_modules', 'electron', 'package.json')).version;
}

/** @returns {{ok: true, path: string} | {ok: false, reason: string}} */
function ensureElectronSqlite() {
  const version = electronVersion();
  const work = join(root, 'node_modules', '.cache', 'minnes-electron-sqlite', version);
  const binary = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binary)) return { ok: true, path: binary };
  const src = dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${src}/build`) });
  // A prebuilt binary for this Electron version is the fast path; compiling is the fallback.
  const prebuild = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js', { paths: [src, root] }), '--runtime=electron', `--target=${version}`],
    {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (prebuild.status === 0 && existsSync(binary)) return { ok: true, path: binary };
  const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [dirname(process.execPath) + '/../lib/node_modules/npm', root] });
  process.stderr.write(`minnes: building better-sqlite3 for Electron ${version} (once)…\n`);
  const r = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    {
      cwd: work,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0 || !existsSync(binary)) return { ok: false, reason: 'could not build better-sqlite3 for Electron (node-gyp failed)' };
  return { ok: true, path: binary };
}

module.exports = { ensureElectronSqlite };
