import type { Pool, QueryResultRow } from 'pg';
import { z } from 'zod';
import { checkContentBounds } from '../shared/limits';
import { SeriesSchema, type Series } from '../shared/series';
import { SlugSchema, TemplateSchema, type Template } from '../shared/template';
import { Refusal } from './documents';
import type { User } from './users';

/**
 * The unit's template library and the year's series, kept on the server so that every app signed
 * in to it can fetch them: one row per template key (the newest version as the sharer had it) and
 * one per series name. Only a sekreterare shares; everyone signed in reads.
 */

/**
 * The templates every Minnes ships with (src/main/core/templates/builtin.ts, isBuiltinKey): each app
 * has its own, read-only, so they are never shared. Listed here because the server does not load
 * the app's template files; test/team-library.test.ts checks that the two agree.
 */
export const BUILTIN_TEMPLATE_KEYS: readonly string[] = ['samrad', 'fritt'];

/** The most templates or series one list returns; a unit has a handful of each. */
export const MAX_LISTED_LIBRARY = 500;

export type SharedTemplate = { key: string; template: Template; updatedAt: string; updatedBy: string | null };
export type SharedSeries = { name: string; series: Series; updatedAt: string; updatedBy: string | null };

/** What the API reads the body with, so a refused role or key never waits for one. */
export type ReadBody = () => Promise<unknown>;

// Refusals go to the person as is, so schema errors are in Swedish (as the app's template checks are).
const SWEDISH = z.locales.sv().localeError;

const SeriesNameSchema = z.string().trim().min(1, 'Ange seriens namn').max(200, 'Seriens namn får vara högst 200 tecken');

function requireSecretary(user: User): void {
  if (user.role !== 'sekreterare') throw new Refusal(403, 'Bara en sekreterare kan dela mallar och serier med teamet.');
}

/** ["sections", 2, "heading"] → "sections[2].heading". */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** The one field of a body `{[field]: value}`, bounded and checked by `schema`; a sentence naming what is wrong otherwise. */
function fieldOf<T>(body: unknown, field: string, schema: z.ZodType<T>, what: string): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !(field in body)) {
    throw new Refusal(400, `Anropet ska vara ett JSON-objekt med fältet ${field}.`);
  }
  const value = (body as Record<string, unknown>)[field];
  const bounds = checkContentBounds(value);
  if (!bounds.ok) throw new Refusal(400, bounds.error.message);
  const parsed = schema.safeParse(value, { error: SWEDISH });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `fältet ${fieldPath(issue.path)}: ` : '';
    throw new Refusal(400, `${what} är ogiltig: ${where}${issue?.message ?? 'okänt fel'}.`);
  }
  return parsed.data;
}

type TemplateRow = { key: string; template: Template; updated_at: Date; updated_by: string | null };
type SeriesRow = { name: string; series: Series; updated_at: Date; updated_by: string | null };

const templateOf = (r: TemplateRow): SharedTemplate => ({
  key: r.key,
  template: r.template,
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by,
});
const seriesOf = (r: SeriesRow): SharedSeries => ({
  name: r.name,
  series: r.series,
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by,
});

// updated_by is the person's id in the table; the lists name them.
const TEMPLATES_SQL = `SELECT t.key, t.template, t.updated_at, u.name AS updated_by FROM templates t LEFT JOIN users u ON u.id = t.updated_by`;
const SERIES_SQL = `SELECT s.name, s.series, s.updated_at, u.name AS updated_by FROM series s LEFT JOIN users u ON u.id = s.updated_by`;

/** The two library tables: the column that names an item, the one that holds it, and how it is read back. */
const TABLES = {
  templates: { id: 'key', value: 'template', read: `${TEMPLATES_SQL} WHERE t.key = $1` },
  series: { id: 'name', value: 'series', read: `${SERIES_SQL} WHERE s.name = $1` },
} as const;

/** Insert or replace; the same value again changes nothing, not even who shared it last. */
async function upsert<R extends QueryResultRow>(
  pool: Pool,
  table: keyof typeof TABLES,
  id: string,
  value: unknown,
  user: User,
): Promise<R> {
  const t = TABLES[table];
  await pool.query(
    `INSERT INTO ${table} (${t.id}, ${t.value}, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (${t.id}) DO UPDATE SET ${t.value} = excluded.${t.value}, updated_at = now(), updated_by = excluded.updated_by
       WHERE ${table}.${t.value} IS DISTINCT FROM excluded.${t.value}`,
    [id, value, user.id],
  );
  const { rows } = await pool.query<R>(t.read, [id]);
  return rows[0]!;
}

/** Every shared template, by key, at most MAX_LISTED_LIBRARY. */
export async function listSharedTemplates(pool: Pool): Promise<SharedTemplate[]> {
  const { rows } = await pool.query<TemplateRow>(`${TEMPLATES_SQL} ORDER BY t.key LIMIT $1`, [MAX_LISTED_LIBRARY]);
  return rows.map(templateOf);
}

/** Every shared series, by name, at most MAX_LISTED_LIBRARY. */
export async function listSharedSeries(pool: Pool): Promise<SharedSeries[]> {
  const { rows } = await pool.query<SeriesRow>(`${SERIES_SQL} ORDER BY s.name LIMIT $1`, [MAX_LISTED_LIBRARY]);
  return rows.map(seriesOf);
}

/**
 * Stores a template under `key` (sekreterare only), replacing what the team had under it. A
 * built-in key is refused: every app has its own. The same template again changes nothing, not
 * even who shared it last.
 */
export async function putSharedTemplate(pool: Pool, user: User, key: string, readBody: ReadBody): Promise<SharedTemplate> {
  requireSecretary(user);
  const slug = SlugSchema.safeParse(key);
  if (!slug.success) throw new Refusal(400, `Ogiltig mallnyckel "${key}": ${slug.error.issues[0]?.message ?? 'ogiltig'}.`);
  if (BUILTIN_TEMPLATE_KEYS.includes(key)) {
    throw new Refusal(
      409,
      `Mallen "${key}" är inbyggd i Minnes och finns redan hos alla; spara en kopia under en egen nyckel och dela den.`,
    );
  }
  const template = fieldOf(await readBody(), 'template', TemplateSchema, 'Mallen');
  if (template.key !== key) throw new Refusal(400, `Mallens nyckel "${template.key}" stämmer inte med adressens "${key}".`);
  return templateOf(await upsert<TemplateRow>(pool, 'templates', key, template, user));
}

/** Stores a series under its name (sekreterare only), as putSharedTemplate does a template. */
export async function putSharedSeries(pool: Pool, user: User, name: string, readBody: ReadBody): Promise<SharedSeries> {
  requireSecretary(user);
  const checked = SeriesNameSchema.safeParse(name);
  if (!checked.success || checked.data !== name) throw new Refusal(400, `Ogiltigt namn på serien: "${name.slice(0, 200)}".`);
  const series = fieldOf(await readBody(), 'series', SeriesSchema, 'Serien');
  if (series.name !== name) throw new Refusal(400, `Seriens namn "${series.name}" stämmer inte med adressens "${name}".`);
  return seriesOf(await upsert<SeriesRow>(pool, 'series', name, series, user));
}
