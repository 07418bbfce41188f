import { YAMLParseError, parse } from 'yaml';
import { MetadataSchema, type Metadata } from '../../../shared/metadata';
import { parseIsoDate } from '../../../shared/swedish-format';
import { SlugSchema } from '../../../shared/template';
import type { MessageKey } from '../../../shared/i18n/catalogue';
import type { MessageParams } from '../../../shared/i18n/format';
import { userError } from '../errors';

/**
 * Optional YAML front matter at the very top of a Markdown file:
 *   ---
 *   department: Arbetsmarknadsdepartementet
 *   date: 2026-06-09
 *   template: samrad
 *   ---
 * A mistake here is the user's to fix, so it is reported as one Swedish line naming the field.
 * Only fields the file sets are returned: a missing documentType falls back to the template's
 * default and then to MetadataSchema's own ("Minnesanteckningar"), so a template can choose.
 */

export type FrontMatter = { metadata: Partial<Metadata>; templateKey?: string };

/** The metadata fields front matter may set, by their own (English) names as in the CLI contract. */
const TEXT_FIELDS = ['department', 'unit', 'title', 'dnr', 'documentType', 'place', 'host', 'theme', 'series', 'meetingType'] as const;

const fail = (key: MessageKey, params?: MessageParams): never => {
  throw userError('invalid_front_matter', key, params);
};

/** Splits "---\n…\n---\n" off the top; null when the text has no (closed) front matter. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const m = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return null;
  return { yaml: m[1] ?? '', body: text.slice(m[0].length) };
}

function isoDate(value: unknown): string {
  // A YAML 1.1 timestamp arrives as a Date at UTC midnight; its UTC parts are the written date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && parseIsoDate(value.trim())) return value.trim();
  return fail('errors.frontMatter.date', { value: String(JSON.stringify(value)) });
}

/** A parsed front-matter object → metadata and template key; unknown keys are ignored. */
export function frontMatterFields(data: unknown): FrontMatter {
  if (data === null || data === undefined) return { metadata: {} };
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    return fail('errors.frontMatter.notFields');
  }
  const record = data as Record<string, unknown>;
  const metadata: Partial<Metadata> = {};
  for (const key of TEXT_FIELDS) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') fail('errors.frontMatter.notText', { key });
    const text = (value as string).trim();
    if (!MetadataSchema.shape[key].safeParse(text).success) fail('errors.frontMatter.tooLong', { key });
    if (text !== '') metadata[key] = text;
  }
  if (record.date !== undefined && record.date !== null && record.date !== '') metadata.date = isoDate(record.date);

  let templateKey: string | undefined;
  if (record.template !== undefined && record.template !== null) {
    const key = typeof record.template === 'string' ? record.template.trim() : '';
    if (!SlugSchema.safeParse(key).success) {
      fail('errors.frontMatter.template');
    }
    templateKey = key;
  }
  return templateKey ? { metadata, templateKey } : { metadata };
}

/** Reads the YAML between the fences. Line numbers in messages count from the top of the file. */
export function parseFrontMatter(yaml: string): FrontMatter {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (e) {
    // The library's own message is English and spans several lines; the line number is what helps.
    const line = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    return line ? fail('errors.frontMatter.yamlLine', { line: String(line + 1) }) : fail('errors.frontMatter.yaml');
  }
  return frontMatterFields(data);
}
