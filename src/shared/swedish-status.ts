import type { Status } from './domain';

/**
 * A status as it reads after "Dokumentet är …": the labels (Utkast, Granskning, Justerad,
 * Registrerad) are headings, and lower-casing them into a sentence gives "Dokumentet är justerad",
 * which is wrong: "dokumentet" is neuter, so the participle takes -t, and the two nouns need their
 * preposition or article.
 */
const AFTER_DOKUMENTET_AR: Record<Status, string> = {
  utkast: 'ett utkast',
  granskning: 'under granskning',
  justerad: 'justerat',
  registrerad: 'registrerat',
};

/** `statusAdjective('justerad')` → 'justerat', so "Dokumentet är justerat och låst." */
export function statusAdjective(status: Status): string {
  return AFTER_DOKUMENTET_AR[status];
}
