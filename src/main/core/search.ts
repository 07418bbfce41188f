import type { Db } from './db';
import { countedVersion } from './record-versions';

/**
 * One search result. `snippet` is plain text; `highlights` are [start, end) offsets into it
 * (JavaScript string indices, as `snippet.slice(start, end)` uses), so the renderer marks hits
 * with its own elements and never turns document text into HTML.
 */
export type SearchHit = {
  id: string;
  title: string;
  date: string | null;
  snippet: string;
  highlights: Array<[number, number]>;
  status: string;
  /** Which version of its record this is (1 for minutes never replaced). */
  version: number;
};

export type SearchOptions = { limit?: number; includeTrashed?: boolean };

/** More words than this add little precision but cost one doclist merge each: the rest are ignored. */
export const MAX_QUERY_WORDS = 20;
// Bounds the work on pasted novels before any tokenising; 20 words never need more.
const MAX_QUERY_CHARS = 2000;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
// Title hits matter most, then the meeting facts (department, unit, theme, …), then the text.
const WEIGHTS = { title: 10, meta: 3, body: 1 };
const SNIPPET_TOKENS = 24;
// Control characters as snippet markers: they do not occur in typed minutes, and a stray one
// in the text can at worst misplace a highlight — the output stays plain text either way.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Words as the index's unicode61 tokenizer sees them: letters (å, ä and ö included — the table
 * keeps diacritics), digits, private-use characters, and combining marks, which that tokenizer
 * also keeps inside a token.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const CHUNK = /\S+/gu;

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

/**
 * One FTS5 term for one whitespace-separated chunk of the query. A chunk that punctuation splits
 * into several words ("EU-medel", "2026-06-09") becomes a phrase, so its parts must be adjacent.
 * The last word is a prefix ("demokrat" finds "demokratistärkande") unless it is a single
 * character, which as a prefix would match a large part of the index and tell the user nothing.
 * Text pasted from some systems is stored decomposed (NFD), where "å" is "a" + ring and is a
 * different token, so a word with such letters also matches its decomposed spelling.
 */
function term(words: string[]): string {
  const phrase = words.join(' ');
  const last = words[words.length - 1] ?? '';
  const star = [...last].length > 1 ? '*' : '';
  const spellings = [...new Set([phrase, phrase.normalize('NFD')])];
  const alternatives = spellings.map((s) => `${quote(s)}${star}`);
  return alternatives.length > 1 ? `(${alternatives.join(' OR ')})` : (alternatives[0] ?? '');
}

/**
 * The user's text → a safe FTS5 expression, or null when it holds no words. User text never reaches
 * FTS5 raw: it is cut into words and every word is quoted, so `"`, `*`, `-`, `:`, `^`, parentheses,
 * NEAR/AND/OR/NOT and column filters are all just words (or separators) and can never be syntax.
 */
export function toMatchExpression(query: string): string | null {
  const text = query.slice(0, MAX_QUERY_CHARS).normalize('NFC');
  const terms: string[] = [];
  let budget = MAX_QUERY_WORDS;
  for (const [chunk] of text.matchAll(CHUNK)) {
    if (budget <= 0) break;
    const words = [...chunk.matchAll(WORD)].map((m) => m[0]).slice(0, budget);
    if (words.length === 0) continue;
    budget -= words.length;
    terms.push(term(words));
  }
  return terms.length > 0 ? terms.join(' AND ') : null;
}

/**
 * Snippet text with OPEN/CLOSE markers → plain text plus ranges. Whitespace runs (the text keeps
 * its line breaks) become one space, so the snippet reads as one line.
 */
export function parseSnippet(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  let out = '';
  const highlights: Array<[number, number]> = [];
  let start: number | null = null;
  for (const ch of marked.trim()) {
    if (ch === OPEN) {
      start ??= out.length;
    } else if (ch === CLOSE) {
      if (start !== null && out.length > start) highlights.push([start, out.length]);
      start = null;
    } else if (/\s/u.test(ch)) {
      if (!out.endsWith(' ')) out += ' ';
    } else {
      out += ch;
    }
  }
  if (start !== null && out.length > start) highlights.push([start, out.length]);
  return { snippet: out, highlights };
}

type Row = {
  rowid: number;
  id: string;
  record_id: string;
  version_no: number;
  counted: number;
  title: string;
  meeting_date: string | null;
  status: string;
  snippet: string;
};

const snippet = (column: number) => `snippet(documents_fts, ${column}, '${OPEN}', '${CLOSE}', '…', ${SNIPPET_TOKENS})`;

// `rank MATCH` + `ORDER BY rank` lets FTS5 sort by bm25 itself and stop at the LIMIT, so snippets are
// built only for the rows returned (an ORDER BY bm25(...) would snippet every match before sorting).
// The snippet comes from the text: the words around the hit are what helps the reader.
const SQL = (includeTrashed: boolean) => `
  SELECT d.rowid, d.id, d.record_id, d.version_no, (${countedVersion('d')}) AS counted, d.title, d.meeting_date, d.status,
    ${snippet(2)} AS snippet
  FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
  WHERE documents_fts MATCH @match
    AND rank MATCH 'bm25(${WEIGHTS.title}.0, ${WEIGHTS.meta}.0, ${WEIGHTS.body}.0)'
    ${includeTrashed ? '' : 'AND d.deleted_at IS NULL'}
  ORDER BY rank
  LIMIT @limit`;

// Only for the few hits whose text has no match (title or metadata only): a second snippet on every
// row would cost a third of the query time on common words.
// CAST, because better-sqlite3 binds a JS number as REAL and FTS5 then ignores the rowid constraint:
// it snippeted every match and returned the first, another document's text.
const FALLBACK_SQL = `SELECT ${snippet(-1)} AS snippet FROM documents_fts WHERE documents_fts MATCH @match AND rowid = CAST(@rowid AS INTEGER)`;

// Versions of one record mostly match together, so a few extra rows are fetched to fill the limit after
// keeping one per record.
const VERSION_HEADROOM = 3;

/**
 * One hit per record, at the place of its best-ranked version: the version that counts (the latest
 * approved) when it matched, else the best match, so text written only in a new draft is still found.
 */
function onePerRecord(rows: Row[]): Row[] {
  const chosen = new Map<string, Row>();
  for (const r of rows) {
    const seen = chosen.get(r.record_id);
    if (!seen || (r.counted && !seen.counted)) chosen.set(r.record_id, r);
  }
  return [...chosen.values()];
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/**
 * Full-text search over every minutes' title, metadata values and text, best match first.
 * Any input is accepted: text without words gives [], and nothing the user types is FTS5 syntax.
 */
export function searchDocuments(db: Db, query: string, opts: SearchOptions = {}): SearchHit[] {
  const match = toMatchExpression(query);
  if (match === null) return [];
  const limit = clampLimit(opts.limit);
  const rows = db.prepare(SQL(opts.includeTrashed ?? false)).all({ match, limit: limit * VERSION_HEADROOM }) as Row[];
  const fallback = db.prepare(FALLBACK_SQL).pluck();
  return onePerRecord(rows)
    .slice(0, limit)
    .map((r) => {
      const marked = r.snippet.includes(OPEN) ? r.snippet : String(fallback.get({ match, rowid: r.rowid }) ?? '');
      return { id: r.id, title: r.title, date: r.meeting_date, status: r.status, version: r.version_no, ...parseSnippet(marked) };
    });
}
