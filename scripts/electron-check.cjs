// Can the real Electron app run on this machine? Used by `npm start` and by the e2e config.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** The Electron executable if it was downloaded, without triggering a download. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const exe = join(override || join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : undefined;
}

/** Tries Electron's own installer once (it downloads the binary; fails fast offline). */
function tryInstallElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return false;
  }
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return r.status === 0 && electronBinary() !== undefined;
}

/** @returns {{ok: true, binary: string} | {ok: false, reason: string}} */
function electronAvailability() {
  const binary = electronBinary();
  if (!binary) return { ok: false, reason: 'the Electron binary is not installed (it could not be downloaded)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no display (DISPLAY is not set)' };
  }
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.status !== 0) {
    const why = (r.stderr || r.error?.message || 'unknown error').trim().split('\n')[0];
    return { ok: false, reason: `the Electron binary does not start (${why})` };
  }
  return { ok: true, binary };
}

module.exports = { electronBinary, tryInstallElectron, electronAvailability };
