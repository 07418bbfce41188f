// `npm run dist`: build, package with electron-builder (which rebuilds better-sqlite3 for Electron),
// then rebuild it for Node again so the CLI and the tests never load the Electron build.
import { spawnSync } from 'node:child_process';

function step(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

let status = step('npm', ['run', 'build']);
if (status === 0) status = step('npx', ['electron-builder', 'install-app-deps']);
if (status === 0) status = step('npx', ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]);
const restored = step('npm', ['rebuild', 'better-sqlite3']);
process.exit(status || restored);
