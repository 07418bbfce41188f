import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * Where Electron's app.getPath('userData') points for this app, computed without Electron
 * so that the CLI and the app share one database by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Minnes');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Minnes');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Minnes');
  }
}

/** --db wins, then MINNES_DB, then the app's own database. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.MINNES_DB) return env.MINNES_DB;
  return join(defaultUserDataDir(env), 'minnes.sqlite');
}
