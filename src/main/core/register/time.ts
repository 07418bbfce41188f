/**
 * Date-times with their zone, as the register and ERMS want them ("2026-06-10T14:03:00+02:00"):
 * a bare date or a UTC instant loses when, in Sweden, the registrar filed the record.
 */

const FULL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The zone the Government Offices work in; used where a stored value carries no zone of its own. */
export const OFFICE_TIME_ZONE = 'Europe/Stockholm';

/** `at` as local wall-clock time in `timeZone` (default: this machine's zone) with its UTC offset, to the second. */
export function isoWithOffset(at: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    ...(timeZone ? { timeZone } : {}),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  // "GMT+02:00", or plain "GMT" at offset zero.
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

/** True for an ISO 8601 date-time that names its zone (Z or ±hh:mm) and is a real instant. */
export function isZonedDateTime(value: string): boolean {
  return FULL.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * What to store as the registration time. A full date-time with zone is kept as given; a date
 * (the dialog's "Registreringsdatum") gets the wall-clock time of `now` and this machine's zone,
 * since the registrar files it now even when the register's day is set back. Null: not a date.
 */
export function registrationTime(given: string | undefined, now: Date): string | null {
  if (given === undefined || given === '') return isoWithOffset(now);
  if (isZonedDateTime(given)) return given;
  if (!DATE.test(given) || Number.isNaN(Date.parse(`${given}T00:00:00Z`))) return null;
  return `${given}${isoWithOffset(now).slice(10)}`;
}

/**
 * A stored registration time as a zoned date-time. Rows from before the time was kept hold only
 * the day: that day's start in the office's zone, the one instant the day vouches for.
 */
export function zonedRegistration(stored: string): string | null {
  if (isZonedDateTime(stored)) return stored;
  if (!DATE.test(stored)) return null;
  // 00:00 UTC is still before Stockholm's 01:00 UTC clock change, so it has local midnight's offset.
  const start = new Date(`${stored}T00:00:00Z`);
  return `${stored}T00:00:00${isoWithOffset(start, OFFICE_TIME_ZONE).slice(19)}`;
}
