import { createHash } from 'node:crypto';
import { cleanLine } from '../export/sanitize';

/** Small, pure helpers shared by the package's XML writers: the same input, the same bytes. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for element content or an attribute: characters XML forbids removed, the five special ones escaped. */
export function text(value: string): string {
  return cleanLine(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function fail(where: string, message: string): never {
  throw new RangeError(`${where}: ${message}`);
}

/** Escaped text that must not be empty. */
export function required(where: string, value: string, field: string): string {
  const t = text(value);
  if (!t) fail(where, `${field} is empty`);
  return t;
}

/** An ISO 8601 date-time with a time, kept as written (its zone included), or a RangeError. */
export function dateTime(where: string, value: string, field: string): string {
  // Date.parse also takes "9 June 2026"; only ISO 8601 with a time is a valid xs:dateTime.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    fail(where, `${field} is not an ISO 8601 date-time with a zone: ${value}`);
  }
  return value;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const utf8 = (lines: readonly string[]): Uint8Array => new TextEncoder().encode(`${lines.join('\n')}\n`);

/** `name="value"` pairs in the given order; undefined values left out. */
export function attrs(pairs: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  return pairs
    .filter((p): p is readonly [string, string | number] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? String(v) : text(v)}"`)
    .join('');
}
