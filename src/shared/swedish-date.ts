import { MONTHS, parseIsoDate } from './swedish-format';

/** For a user of the English UI, who sees "9 June 2026" in the field and may type it so. */
const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A month's number (1–12) from its Swedish or English name, or a prefix of three letters or more ("jun", "sept"). */
function monthNumber(name: string): number | null {
  for (const months of [MONTHS, ENGLISH_MONTHS]) {
    const index = months.findIndex((month) => month === name || (name.length >= 3 && month.startsWith(name)));
    if (index >= 0) return index + 1;
  }
  return null;
}

/**
 * A date as a Swedish secretary may type it, whatever the browser's locale: "2026-06-09",
 * "20260609", "9/6 2026", "9/6-26", "9.6.2026", "9 juni 2026", "den 9 jun. 2026"; and with an
 * English month as the English UI shows it, "9 June 2026", "9th June 2026", "June 9, 2026". Returns
 * the ISO date, or null when it is not one (a day that does not exist included). Years of two
 * digits are 20xx; a day before the month is always the day (9/6 is 9 June, as in Sweden and Britain).
 */
export function parseSwedishDate(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^den\s+/, '')
    .replace(/\s+/g, ' ')
    .replace(/^(\d{1,2})(?:st|nd|rd|th)\b/, '$1');
  if (t === '') return null;
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let hit: RegExpExecArray | null;
  if ((hit = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{1,2})\s?[/.]\s?(\d{1,2})(?:\s?[-/. ]\s?|\s)(\d{2}|\d{4})$/.exec(t)))
    [d, m, y] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{1,2})\s?([a-zåäö]+)\.?,?\s?(\d{2}|\d{4})$/.exec(t))) {
    const month = monthNumber(hit[2]!);
    if (month === null) return null;
    [d, m, y] = [Number(hit[1]), month, Number(hit[3])];
  } else if ((hit = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t))) {
    const month = monthNumber(hit[1]!);
    if (month === null) return null;
    [m, d, y] = [month, Number(hit[2]), Number(hit[3])];
  } else return null;
  if (y < 100) y += 2000;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}
