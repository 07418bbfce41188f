import { describe, expect, it } from 'vitest';
import { STATUSES } from '../src/shared/domain';
import { statusAdjective } from '../src/shared/swedish-status';

describe('statusAdjective: a status after "Dokumentet är"', () => {
  it('agrees with the neuter "dokumentet" for each status', () => {
    expect(statusAdjective('utkast')).toBe('ett utkast');
    expect(statusAdjective('granskning')).toBe('under granskning');
    expect(statusAdjective('justerad')).toBe('justerat');
    expect(statusAdjective('registrerad')).toBe('registrerat');
  });

  it('covers every status, each reading as a sentence in lower case', () => {
    for (const s of STATUSES) {
      const phrase = statusAdjective(s);
      expect(phrase).toMatch(/^[a-zåäö ]+$/);
      expect(`Dokumentet är ${phrase}.`).not.toMatch(/är (justerad|registrerad|granskning|utkast)\./);
    }
  });
});
