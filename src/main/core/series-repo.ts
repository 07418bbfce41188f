import type { Status } from '../../shared/domain';
import { SeriesSchema, type Series, type SeriesMeeting, type SeriesOverview, type SeriesSummary } from '../../shared/series';
import type { Db } from './db';
import { msg, userError } from './errors';
import { nowIso } from './ids';
import { countedVersion } from './record-versions';
import { pluralKey } from '../../shared/i18n/catalogue';

type SeriesRow = { name: string; year: number | null; partners: string; planned: string; template_key: string | null };
type UsageRow = { name: string; documents: number; records: number; first_date: string | null; first_created: string };
type MeetingRow = { id: string; title: string; meeting_date: string | null; status: Status; theme: string | null; version_no: number };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function fromRow(row: SeriesRow): Series {
  // Parsed again on the way out: a row edited by hand (or by an older build) must not reach the UI unchecked.
  return SeriesSchema.parse({
    name: row.name,
    year: row.year,
    partners: JSON.parse(row.partners) as unknown,
    planned: JSON.parse(row.planned) as unknown,
    templateKey: row.template_key,
  });
}

/** A series known only from its documents: its year is the first meeting's (or, undated, when the first was written). */
function derivedYear(usage: UsageRow): number {
  const year = Number((usage.first_date ?? usage.first_created).slice(0, 4));
  return Math.min(MAX_YEAR, Math.max(MIN_YEAR, Number.isInteger(year) ? year : MIN_YEAR));
}

// Trashed documents do not count: they are out of the cycle until someone restores them. `records`
// counts each record once (its versions are one set of minutes); `documents` every row naming the series.
const USAGE_SQL = `SELECT series AS name, COUNT(*) AS documents, COUNT(DISTINCT record_id) AS records,
    MIN(meeting_date) AS first_date, MIN(created_at) AS first_created
  FROM documents WHERE deleted_at IS NULL AND series IS NOT NULL AND series <> ''`;

function usage(db: Db, name?: string): UsageRow[] {
  if (name === undefined) return db.prepare(`${USAGE_SQL} GROUP BY series`).all() as UsageRow[];
  return db.prepare(`${USAGE_SQL} AND series = ? GROUP BY series`).all(name) as UsageRow[];
}

function summary(row: SeriesRow | undefined, use: UsageRow | undefined): SeriesSummary | null {
  if (row) return { ...fromRow(row), saved: true, documentCount: use?.records ?? 0 };
  if (!use) return null;
  return {
    name: use.name,
    year: derivedYear(use),
    partners: [],
    planned: [],
    templateKey: null,
    saved: false,
    documentCount: use.records,
  };
}

/** Insert or update by name (the name is the key: documents refer to it). Returns the stored, normalised series. */
export function saveSeries(db: Db, input: unknown): Series {
  const parsed = SeriesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue?.message ?? msg('errors.invalidData');
    throw issue?.path.length
      ? userError('bad_series', 'errors.series.invalid.at', { path: issue.path.join('.'), detail })
      : userError('bad_series', 'errors.series.invalid', { detail });
  }
  const s = parsed.data;
  db.prepare(
    `INSERT INTO series (name, year, partners, planned, template_key, created_at)
     VALUES (@name, @year, @partners, @planned, @templateKey, @now)
     ON CONFLICT(name) DO UPDATE SET year = excluded.year, partners = excluded.partners, planned = excluded.planned,
       template_key = excluded.template_key`,
  ).run({
    name: s.name,
    year: s.year,
    partners: JSON.stringify(s.partners),
    planned: JSON.stringify(s.planned),
    templateKey: s.templateKey ?? null,
    now: nowIso(),
  });
  return s;
}

/** Every series: the saved ones and the names that so far only appear on documents. Newest year first. */
export function listSeries(db: Db): SeriesSummary[] {
  const rows = db.prepare(`SELECT name, year, partners, planned, template_key FROM series`).all() as SeriesRow[];
  const uses = new Map(usage(db).map((u) => [u.name, u]));
  const out: SeriesSummary[] = [];
  for (const row of rows) {
    const s = summary(row, uses.get(row.name));
    uses.delete(row.name);
    if (s) out.push(s);
  }
  for (const use of uses.values()) {
    const s = summary(undefined, use);
    if (s) out.push(s);
  }
  return out.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'sv'));
}

/** One series, saved or known from its documents; a clear error when neither. */
export function getSeries(db: Db, name: string): SeriesSummary {
  const row = db.prepare(`SELECT name, year, partners, planned, template_key FROM series WHERE name = ?`).get(name) as
    SeriesRow | undefined;
  const s = summary(row, usage(db, name)[0]);
  if (!s) throw userError('not_found', 'errors.series.notFound', { name });
  return s;
}

/**
 * The timeline: planned meetings merged with the series' documents by meeting date. A document
 * without a planned entry still appears (plans change); a planned meeting without minutes shows
 * as still to come. A record is one row, by the version that counts (record-versions.ts); two
 * different minutes on one date each get their own row.
 */
export function getSeriesOverview(db: Db, name: string): SeriesOverview {
  const series = getSeries(db, name);
  const docs = db
    .prepare(
      `SELECT d.id, d.title, d.meeting_date, d.status, json_extract(d.metadata, '$.theme') AS theme, d.version_no FROM documents d
       WHERE d.series = ? AND d.deleted_at IS NULL AND ${countedVersion('d')}
       ORDER BY d.meeting_date IS NULL, d.meeting_date, d.created_at`,
    )
    .all(name) as MeetingRow[];
  const planned = new Map(series.planned.map((p) => [p.date, p]));
  const meetings: SeriesMeeting[] = [];
  for (const d of docs) {
    const plan = d.meeting_date ? planned.get(d.meeting_date) : undefined;
    if (plan) planned.delete(plan.date);
    meetings.push({
      date: d.meeting_date,
      theme: plan?.theme || d.theme || '',
      documentId: d.id,
      title: d.title,
      status: d.status,
      version: d.version_no,
    });
  }
  for (const p of planned.values()) meetings.push({ date: p.date, theme: p.theme, documentId: null, title: null, status: null });
  // Stable sort: documents on the same date keep their creation order; undated documents go last.
  meetings.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date.localeCompare(b.date)));
  return { ...series, meetings };
}

/** Removes a saved series. Refused while documents still name it, since they would silently recreate it. */
export function deleteSeries(db: Db, name: string): void {
  db.transaction(() => {
    const used = usage(db, name)[0]?.documents ?? 0;
    if (used > 0) {
      throw userError('series_in_use', pluralKey('errors.series.inUse', used), { name, n: String(used) });
    }
    const { changes } = db.prepare(`DELETE FROM series WHERE name = ?`).run(name);
    if (changes === 0) throw userError('not_found', 'errors.series.notFound', { name });
  }).immediate();
}
