/**
 * Which better-sqlite3 binary main loads. `npm start` builds one for Electron's ABI and names it in
 * MINNES_ELECTRON_SQLITE; the packaged app has its own rebuilt in place and must not take a path
 * from the environment: that would load any native .node file into main, past the fuses that
 * already refuse ELECTRON_RUN_AS_NODE and NODE_OPTIONS. Pure (no electron import) so it is testable.
 */
export function electronSqliteBinding(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  return env.MINNES_ELECTRON_SQLITE || undefined;
}
