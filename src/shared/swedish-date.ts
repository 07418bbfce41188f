import { MONTHS, parseIsoDate } from './swedish-format';

/**
 * A date as a Swedish secretary may type it, whatever the browser's locale: "2026-06-09",
 * "20260609", "9/6 2026", "9/6-26", "9.6.2026", "9 juni 2026", "den 9 jun. 2026". Returns the ISO
 * date, or null when it is not one (a day that does not exist included). Years of two digits are 20xx.
 */
export function parseSwedishDate(text: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^den\s+/, '')
    .replace(/\s+/g, ' ');
  if (t === '') return null;
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let hit: RegExpExecArray | null;
  if ((hit = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{1,2})\s?[/.]\s?(\d{1,2})(?:\s?[-/. ]\s?|\s)(\d{2}|\d{4})$/.exec(t)))
    [d, m, y] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  else if ((hit = /^(\d{1,2})\s?([a-zåäö]+)\.?\s?(\d{2}|\d{4})$/.exec(t))) {
    const name = hit[2]!;
    const index = MONTHS.findIndex((month) => month === name || (name.length >= 3 && month.startsWith(name)));
    if (index < 0) return null;
    [d, m, y] = [Number(hit[1]), index + 1, Number(hit[3])];
  } else return null;
  if (y < 100) y += 2000;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}
