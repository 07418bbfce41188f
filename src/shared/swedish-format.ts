/** Swedish conventions of Myndigheternas skrivregler: "den 9 juni 2026", "kl. 9.00–15.30", "1 (3)". */

export const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

type Ymd = { y: number; m: number; d: number };

export function parseIsoDate(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

/** "2026-06-09" → "9 juni 2026"; "" for an invalid date. */
export function formatDateLong(iso: string): string {
  const p = parseIsoDate(iso);
  return p ? `${p.d} ${MONTHS[p.m - 1]} ${p.y}` : '';
}

/** "2026-06-09" → "den 9 juni 2026", as in running text. */
export function formatDateInText(iso: string): string {
  const long = formatDateLong(iso);
  return long ? `den ${long}` : '';
}

/** "9:00" / "09.00" → "9.00". */
export function formatTime(t: string): string {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(t.trim());
  if (!m) return '';
  return `${Number(m[1])}.${m[2]}`;
}

/** "kl. 9.00–15.30" (en dash, no spaces), or "kl. 9.00" with no end. */
export function formatTimeRange(start: string, end: string): string {
  const s = formatTime(start);
  const e = formatTime(end);
  if (!s) return '';
  return e ? `kl. ${s}–${e}` : `kl. ${s}`;
}

/** "9 juni–12 november 2026", "9–12 juni 2026", "30 december 2026–2 januari 2027". */
export function formatDateRange(fromIso: string, toIso: string): string {
  const a = parseIsoDate(fromIso);
  const b = parseIsoDate(toIso);
  if (!a || !b) return formatDateLong(fromIso) || formatDateLong(toIso);
  if (a.y !== b.y) return `${formatDateLong(fromIso)}–${formatDateLong(toIso)}`;
  if (a.m !== b.m) return `${a.d} ${MONTHS[a.m - 1]}–${b.d} ${MONTHS[b.m - 1]} ${a.y}`;
  if (a.d !== b.d) return `${a.d}–${b.d} ${MONTHS[a.m - 1]} ${a.y}`;
  return formatDateLong(fromIso);
}

/** "1 (3)": page 1 of 3. */
export function formatPageOf(page: number, total: number): string {
  return `${page} (${total})`;
}

/** Finds a Swedish date in running text ("den 9 juni 2026", "9 juni 2026") and returns it as ISO. */
export function findDateInText(text: string): string | null {
  const re = new RegExp(`(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'i');
  const m = re.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase() as (typeof MONTHS)[number]) + 1;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}
