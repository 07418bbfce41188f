export function ensureElectronSqlite(): { ok: true; path: string } | { ok: false; reason: string };
