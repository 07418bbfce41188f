import type { Db } from '../db';
import { nowIso } from '../ids';

/**
 * The personal word list ("Lägg till i ordlistan"): kept in the store, so it follows the database
 * into backups and is the same in Electron, the browser host and the CLI on this computer.
 */

export type PersonalWord = { word: string; addedAt: string };

export function listPersonalWords(db: Db): PersonalWord[] {
  const rows = db.prepare(`SELECT word, added_at FROM personal_words ORDER BY word`).all() as { word: string; added_at: string }[];
  return rows.map((r) => ({ word: r.word, addedAt: r.added_at }));
}

/** Adding a word already there keeps its first date. */
export function addPersonalWord(db: Db, word: string): PersonalWord {
  db.prepare(`INSERT INTO personal_words (word, added_at) VALUES (?, ?) ON CONFLICT (word) DO NOTHING`).run(word, nowIso());
  const row = db.prepare(`SELECT added_at FROM personal_words WHERE word = ?`).get(word) as { added_at: string };
  return { word, addedAt: row.added_at };
}

/** False when the word was not in the list. */
export function removePersonalWord(db: Db, word: string): boolean {
  return db.prepare(`DELETE FROM personal_words WHERE word = ?`).run(word).changes > 0;
}
