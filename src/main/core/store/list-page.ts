import type { DocumentListItem } from '../../../shared/document';
import type { Status } from '../../../shared/domain';
import type { Db } from '../db';
import { LIST_KEY, LIST_SQL, toListItem, type ListRow } from '../documents-repo';
import { countedVersion } from '../record-versions';

/**
 * The documents list a page at a time, for years of minutes: keyset pagination on the list's sort
 * key (index documents_list_order), so a page costs the same at 50,000 documents as at 50, and a
 * page boundary stays put while others save or import (an offset would shift and repeat or skip rows).
 */

/** What the documents view asks for at a time: more than a screen, far less than a year's minutes. */
export const LIST_PAGE_SIZE = 50;

export type ListPageQuery = {
  trash?: boolean;
  limit: number;
  /** The `next` of the previous page; absent for the first. */
  after?: string | undefined;
  series?: string | undefined;
  status?: Status | undefined;
  /** With the first page: the total and the series (the view's heading and filter). False skips both (the CLI). */
  overview?: boolean | undefined;
};

export type ListPage = {
  items: DocumentListItem[];
  /** Where the next page starts, or null on the last page. */
  next: string | null;
  /** Rows matching the query in all pages (records outside the trash; every version in it); first page only. */
  total?: number;
  /** Every series outside the trash, for the filter; first page only. */
  series?: string[];
};

function filters(q: ListPageQuery): { where: string; params: Record<string, string> } {
  const parts = [q.trash ? 'd.deleted_at IS NOT NULL' : `d.deleted_at IS NULL AND ${countedVersion('d')}`];
  const params: Record<string, string> = {};
  if (q.series !== undefined) {
    parts.push('d.series = @series');
    params.series = q.series;
  }
  if (q.status !== undefined) {
    parts.push('d.status = @status');
    params.status = q.status;
  }
  return { where: parts.join(' AND '), params };
}

/** Counted from indexes when unfiltered (one row per live record), else by the filtered query. */
function countRows(db: Db, q: ListPageQuery): number {
  if (q.series === undefined && q.status === undefined) {
    const sql = q.trash
      ? `SELECT count(*) FROM documents WHERE deleted_at IS NOT NULL`
      : `SELECT count(DISTINCT record_id) FROM documents WHERE deleted_at IS NULL`;
    return db.prepare(sql).pluck().get() as number;
  }
  const { where, params } = filters(q);
  return db.prepare(`SELECT count(*) FROM documents d WHERE ${where}`).pluck().get(params) as number;
}

/** The SQL and parameters for one page (exported so that a test can see SQLite's plan for it). */
export function pageQuery(q: ListPageQuery): { sql: string; params: Record<string, string | number> } {
  const { where, params } = filters(q);
  const after = q.after === undefined ? '' : ` AND ${LIST_KEY} < @after`;
  const sql = LIST_SQL(`${where}${after}`, `ORDER BY ${LIST_KEY} DESC LIMIT @limit`);
  return { sql, params: { ...params, ...(q.after === undefined ? {} : { after: q.after }), limit: q.limit + 1 } };
}

/**
 * Every series outside the trash by hopping through index documents_by_series (one lookup per
 * series, forced: the planner otherwise picks the deleted_at index): SELECT DISTINCT read every row at
 * 50,000 documents (~375 ms).
 */
const SERIES_SQL = `
  WITH RECURSIVE s(name) AS (
    SELECT min(series) FROM documents INDEXED BY documents_by_series WHERE series IS NOT NULL AND deleted_at IS NULL
    UNION ALL
    SELECT (SELECT min(series) FROM documents INDEXED BY documents_by_series WHERE series > s.name AND deleted_at IS NULL) FROM s WHERE s.name IS NOT NULL
  )
  SELECT name FROM s WHERE name IS NOT NULL`;

export function listDocumentPage(db: Db, q: ListPageQuery): ListPage {
  const { sql, params } = pageQuery(q);
  const rows = db.prepare(sql).all(params) as ListRow[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const more = rows.length > q.limit && last;
  const next = more ? `${last.meeting_date ?? '9999-99-99'}|${last.updated_at}|${last.id}` : null;
  const result: ListPage = { items: page.map((r) => toListItem(r, q.trash ?? false)), next };
  if (q.after === undefined && q.overview !== false) {
    result.total = countRows(db, q);
    result.series = db.prepare(SERIES_SQL).pluck().all() as string[];
  }
  return result;
}
