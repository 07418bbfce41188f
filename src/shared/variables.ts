import type { Metadata } from './metadata';
import { formatDateInText, formatDateLong, formatTimeRange, parseIsoDate } from './swedish-format';

/** The variables a template may use, each read from the meeting metadata. */
export const VARIABLES = {
  datum: (m: Metadata) => formatDateInText(m.date),
  kortdatum: (m: Metadata) => formatDateLong(m.date),
  isodatum: (m: Metadata) => m.date,
  år: (m: Metadata) => String(parseIsoDate(m.date)?.y ?? ''),
  tid: (m: Metadata) => formatTimeRange(m.startTime, m.endTime),
  departement: (m: Metadata) => m.department,
  enhet: (m: Metadata) => m.unit,
  dokumenttyp: (m: Metadata) => m.documentType,
  plats: (m: Metadata) => m.place,
  värd: (m: Metadata) => m.host,
  tema: (m: Metadata) => m.theme,
  mötestyp: (m: Metadata) => m.meetingType,
  dnr: (m: Metadata) => m.dnr,
  serie: (m: Metadata) => m.series,
} as const satisfies Record<string, (m: Metadata) => string>;

export type VariableName = keyof typeof VARIABLES;
export const VARIABLE_NAMES = Object.keys(VARIABLES) as VariableName[];

/** Which metadata field to fill in to give a variable its value (for the "missing" message). */
export const VARIABLE_SOURCE: Record<VariableName, keyof Metadata> = {
  datum: 'date',
  kortdatum: 'date',
  isodatum: 'date',
  år: 'date',
  tid: 'startTime',
  departement: 'department',
  enhet: 'unit',
  dokumenttyp: 'documentType',
  plats: 'place',
  värd: 'host',
  tema: 'theme',
  mötestyp: 'meetingType',
  dnr: 'dnr',
  serie: 'series',
};

export const VARIABLE_PATTERN = /\{\{\s*([\p{L}\p{N}_-]+)\s*\}\}/gu;

/** Whether a name (any case, {{Datum}} or {{datum}}) is one of the variables above. */
export function isKnownVariable(name: string): boolean {
  return (VARIABLE_NAMES as string[]).includes(name.toLowerCase());
}

export type TextPart = { text: string } | { variable: string };

/**
 * Text cut at each literal {{name}}, so text typed or stored with braces is treated exactly like a
 * variable node: filled when known, reported when not, never printed with its braces.
 */
export function splitVariables(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(VARIABLE_PATTERN)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ variable: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** In title patterns, {{name?}} is optional: left out, not reported, when it has no value. */
const PATTERN_VARIABLE = /\{\{\s*([\p{L}\p{N}_-]+)(\?)?\s*\}\}/gu;

/**
 * A variable's value. Written with a capital first letter ({{Datum}}) it is capitalised,
 * for the start of a sentence: "Den 9 juni 2026 bjöd …". Unknown names have no value.
 */
export function variableValue(name: string, m: Metadata): string {
  const lower = name.toLowerCase();
  const fn = (VARIABLES as Record<string, ((m: Metadata) => string) | undefined>)[lower];
  const value = fn ? fn(m).trim() : '';
  if (value && name !== lower && name[0] !== name[0]?.toLowerCase()) return value[0]!.toUpperCase() + value.slice(1);
  return value;
}

export type Expansion = { text: string; missing: string[] };

/** Fills every {{name}} in text; names without a value are left as they are and reported. */
export function expandVariables(text: string, m: Metadata): Expansion {
  const missing: string[] = [];
  const out = text.replace(PATTERN_VARIABLE, (whole, name: string, optional: string | undefined) => {
    const v = variableValue(name, m);
    if (!v && optional) return '';
    if (!v) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return v;
  });
  return { text: optional(out), missing };
}

/** Spaces an empty optional variable leaves behind are not part of the text. */
function optional(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}

/** The document title: the one typed in, else the template's pattern, either filled from the metadata. */
export function documentTitle(titlePattern: string, m: Metadata): Expansion {
  if (m.title.trim()) return expandVariables(m.title.trim(), m);
  return expandVariables(titlePattern, m);
}
