import { describe, expect, it } from 'vitest';
import { STATUSES } from '../src/shared/domain';
import { translate } from '../src/shared/i18n/catalogue';

const after = (lang: 'sv' | 'en', s: (typeof STATUSES)[number]) => translate(lang, `status.${s}.after`);

describe('a status after "Dokumentet är" (status.<status>.after in the catalogue)', () => {
  it('agrees with the neuter "dokumentet" for each status', () => {
    expect(after('sv', 'utkast')).toBe('ett utkast');
    expect(after('sv', 'granskning')).toBe('under granskning');
    expect(after('sv', 'justerad')).toBe('justerat');
    expect(after('sv', 'registrerad')).toBe('registrerat');
  });

  it('covers every status, each reading as a sentence in lower case, in both languages', () => {
    for (const s of STATUSES) {
      expect(after('sv', s)).toMatch(/^[a-zåäö ]+$/);
      expect(`Dokumentet är ${after('sv', s)}.`).not.toMatch(/är (justerad|registrerad|granskning|utkast)\./);
      expect(`The document is ${after('en', s)}.`).toMatch(/^The document is (a draft|in review|approved|registered)\.$/);
    }
  });
});
