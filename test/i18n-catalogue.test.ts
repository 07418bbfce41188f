import { describe, expect, it } from 'vitest';
import { catalogues, renderText, translate } from '../src/shared/i18n/catalogue';
import { placeholders } from '../src/shared/i18n/format';
import { enParts } from '../src/shared/i18n/en';
import { svParts } from '../src/shared/i18n/sv';
import { msg, userError } from '../src/main/core/errors';

const svKeys = Object.keys(catalogues.sv).sort();

describe('the catalogues', () => {
  it('English has exactly the Swedish keys', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(svKeys);
  });

  it('each key is in one part only (a spread would let the later part win in silence)', () => {
    for (const parts of [svParts, enParts]) {
      const total = Object.values(parts).reduce<number>((n, part: object) => n + Object.keys(part).length, 0);
      expect(total).toBe(svKeys.length);
    }
    for (const [name, part] of Object.entries(svParts)) {
      expect(Object.keys(part).sort(), name).toEqual(Object.keys(enParts[name as keyof typeof enParts]).sort());
    }
  });

  it('both languages use the same placeholders in every message', () => {
    const differ = svKeys.filter(
      (k) =>
        placeholders(catalogues.sv[k as keyof typeof catalogues.sv]).join() !==
        placeholders(catalogues.en[k as keyof typeof catalogues.en]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('no message is empty, and no English one is left in Swedish', () => {
    for (const lang of ['sv', 'en'] as const) {
      expect(Object.entries(catalogues[lang]).filter(([, v]) => v.trim() === '')).toEqual([]);
    }
    expect(Object.entries(catalogues.en).filter(([, v]) => /[åäöÅÄÖ]/.test(v))).toEqual([]);
  });

  it('every count has both its forms', () => {
    const ones = svKeys.filter((k) => k.endsWith('.one'));
    expect(ones.filter((k) => !svKeys.includes(k.replace(/\.one$/, '.other')))).toEqual([]);
  });
});

describe('rendering a message', () => {
  it('fills placeholders, writes numbers the language’s way and renders a message inside a message', () => {
    expect(translate('en', 'app.languageFailed', { reason: 'disk full' })).toBe('The language could not be saved: disk full');
    expect(translate('sv', 'app.languageFailed', { reason: msg('status.justerad.after') })).toBe('Språket kunde inte sparas: justerat');
    expect(translate('en', 'app.languageFailed', { reason: msg('status.justerad.after') })).toBe(
      'The language could not be saved: approved',
    );
    expect(translate('sv', 'app.languageFailed', { reason: 1234.5 })).toBe('Språket kunde inte sparas: 1\u00a0234,5');
    expect(translate('en', 'app.languageFailed', { reason: 1234.5 })).toBe('The language could not be saved: 1,234.5');
  });

  it('a host error made from a key is Swedish for the CLI and carries its key for the renderer', () => {
    const e = userError('internal', 'errors.internal');
    expect(e.message).toBe('Ett oväntat fel inträffade. Inget har sparats av åtgärden.');
    expect(e.text && renderText('en', e.text)).toBe('An unexpected error occurred. Nothing was saved by the action.');
  });

  it('an unknown key shows as itself rather than as nothing', () => {
    expect(renderText('en', { key: 'errors.fromANewerHost' })).toBe('errors.fromANewerHost');
  });
});
