import { en } from './en';
import { fillPlaceholders, type MessageParams, type MessageText } from './format';
import type { UiLanguage } from './languages';
import { sv } from './sv';

export type MessageKey = keyof typeof sv;
export type Catalogue = Record<MessageKey, string>;

/** One catalogue per language; the English one is checked by the compiler to have every Swedish key. */
export const catalogues: Record<UiLanguage, Catalogue> = { sv, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(sv, key);
}

function formatNumber(lang: UiLanguage, n: number): string {
  return n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
}

function renderParams(lang: UiLanguage, params: MessageParams | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'number' ? formatNumber(lang, value) : typeof value === 'string' ? value : renderText(lang, value);
  }
  return out;
}

/** A key in a language; an unknown key (a newer host, a typo caught nowhere else) shows as itself. */
export function translate(lang: UiLanguage, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? catalogues.sv[key] ?? key;
  return fillPlaceholders(template, renderParams(lang, params));
}

export function renderText(lang: UiLanguage, text: MessageText): string {
  return isMessageKey(text.key) ? translate(lang, text.key, text.params) : text.key;
}

/** `key.one` for 1, else `key.other`: enough for Swedish and English. */
export function pluralKey<const B extends string>(base: B, n: number): `${B}.one` | `${B}.other` {
  return n === 1 ? `${base}.one` : `${base}.other`;
}
