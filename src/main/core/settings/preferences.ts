import { DEFAULT_PREFERENCES, PreferencesSchema, type Preferences } from '../../../shared/preferences';
import type { Db } from '../db';

const OnePreference = PreferencesSchema.partial().strict();

/**
 * Stored as name → JSON value, so a new preference needs no migration. Each row is read on its
 * own: a damaged value or a name a newer version wrote falls back to the default, and never
 * stops the app from starting.
 */
export function readPreferences(db: Db): Preferences {
  const rows = db.prepare(`SELECT name, value FROM preferences`).all() as { name: string; value: string }[];
  const out: Preferences = { ...DEFAULT_PREFERENCES };
  for (const r of rows) {
    let value: unknown;
    try {
      value = JSON.parse(r.value);
    } catch {
      continue;
    }
    const one = OnePreference.safeParse({ [r.name]: value });
    if (one.success) Object.assign(out, one.data);
  }
  return out;
}

export function writePreferences(db: Db, patch: Partial<Preferences>): Preferences {
  const put = db.prepare(`INSERT INTO preferences (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    for (const [name, value] of Object.entries(patch)) if (value !== undefined) put.run(name, JSON.stringify(value));
  })();
  return readPreferences(db);
}
