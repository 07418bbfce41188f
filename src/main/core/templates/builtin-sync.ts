import type { Db } from '../db';
import { nowIso } from '../ids';
import { BUILTIN_TEMPLATE_JSON } from './builtin-json';

/** Makes sure every built-in template (at its shipped version) is in the store; runs at every open. */
export function syncBuiltinTemplates(db: Db): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO templates (key, version, name, definition, builtin, created_at) VALUES (?, ?, ?, ?, 1, ?)`,
  );
  db.transaction(() => {
    for (const t of BUILTIN_TEMPLATE_JSON) insert.run(t.key, t.version, t.name, JSON.stringify(t), nowIso());
  })();
}
