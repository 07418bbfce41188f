import type { UiLanguage } from '../../../shared/i18n/languages';
import { formatDateLong, parseIsoDate } from '../../../shared/swedish-format';

/**
 * Dates, times and sizes as the UI's language writes them. The minutes' own dates ("den 9 juni
 * 2026" in the text, the letterhead) are document language and stay Swedish: they come from
 * shared/swedish-format directly.
 */
const LOCALE: Record<UiLanguage, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "2026-06-09" → "9 juni 2026" / "9 June 2026"; "" for an invalid date. */
export function formatUiDate(lang: UiLanguage, iso: string): string {
  if (lang === 'sv') return formatDateLong(iso);
  const p = parseIsoDate(iso);
  if (!p) return '';
  return new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(p.y, p.m - 1, p.d)),
  );
}

/** A moment (an ISO timestamp) short, in local time: "2026-06-09 14:05" / "09/06/2026, 14:05". */
export function formatUiDateTime(lang: UiLanguage, iso: string): string {
  return new Date(iso).toLocaleString(LOCALE[lang], { dateStyle: 'short', timeStyle: 'short' });
}

export function formatUiNumber(lang: UiLanguage, n: number, fractionDigits = 0): string {
  return n.toLocaleString(LOCALE[lang], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** "1,2 MB" / "1.2 MB"; at least "1 kB", so a tiny file never reads as empty. */
export function formatUiSize(lang: UiLanguage, bytes: number): string {
  return bytes > 1e6 ? `${formatUiNumber(lang, bytes / 1e6, 1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}
