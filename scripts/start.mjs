// `npm start`: the real Electron app where it can run; otherwise the same app in the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { electronAvailability, electronBinary, tryInstallElectron } = require('./electron-check.cjs');
const { ensureElectronSqlite } = require('./electron-sqlite.cjs');

const args = process.argv.slice(2);
const built = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

if (!electronBinary() && !process.env.MINNES_BROWSER) {
  process.stderr.write('minnes: fetching the Electron binary (first start)…\n');
  tryInstallElectron();
}

let why = process.env.MINNES_BROWSER ? 'MINNES_BROWSER is set' : undefined;
let sqlite;
if (!why) {
  const electron = electronAvailability();
  if (!electron.ok) why = electron.reason;
  else {
    sqlite = ensureElectronSqlite();
    if (!sqlite.ok) why = sqlite.reason;
    else {
      const dbIndex = args.indexOf('--db');
      const env = { ...process.env, MINNES_ELECTRON_SQLITE: sqlite.path };
      if (dbIndex >= 0 && args[dbIndex + 1]) env.MINNES_DB = args[dbIndex + 1];
      const child = spawn(electron.binary, ['out/main/index.js'], { stdio: 'inherit', env });
      child.on('exit', (code) => process.exit(code ?? 0));
    }
  }
}

if (why) {
  process.stderr.write(`Electron cannot start here (${why}); opening Minnes in browser mode instead.\n`);
  const child = spawn(process.execPath, ['out/node/web-host.cjs', ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
