import type { HouseStyle } from './house-style';

/**
 * MinutesDocument: the one input of both writers (DOCX, PDF). Variables are already filled;
 * nothing here refers to Lexical, the store or a template.
 */
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, MAX_URL_LENGTH } from './limits';

export type TextRun = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
/**
 * A piece of a link's text. A link whose words are partly bold is several link runs in a row with
 * the same `url`; writers make one link of them. `url` is always one `safeLinkUrl` accepted: the
 * builders turn anything else into a text run, and the writers check again.
 */
export type LinkRun = { type: 'link'; url: string; text: string; bold?: boolean; italic?: boolean };
export type Run = TextRun | LinkRun | { type: 'break' };

export type ListItem = {
  /** The item's own text. */
  runs: Run[];
  /** Lists nested under this item, in order. */
  children: ListBlock[];
};

/** `start`: the first number of an ordered list when it is not 1 (a list pasted from Word that starts at 3). */
export type ListBlock = { type: 'list'; ordered: boolean; start?: number; items: ListItem[] };
export type HeadingBlock = { type: 'heading'; level: 1 | 2 | 3; runs: Run[] };
export type ParagraphBlock = { type: 'paragraph'; runs: Run[] };
/** `header`: a cell of a header row (a column header), or a row header elsewhere. */
export type TableCell = { runs: Run[]; header?: boolean };
export type TableRow = { cells: TableCell[] };
/**
 * A table. `header`: the first row is the header row, repeated on every page the table spans.
 * Rows may have different numbers of cells (the writers pad them); sizes stay within
 * MAX_TABLE_ROWS × MAX_TABLE_COLUMNS (the builders split or fold what is larger).
 */
export type TableBlock = { type: 'table'; header: boolean; rows: TableRow[] };
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

export type MinutesHeader = {
  /** e.g. "Arbetsmarknadsdepartementet" (bold, top left). */
  department: string;
  /** e.g. "Enheten för integration och arbetet mot utanförskap". */
  unit: string;
  /** e.g. "Minnesanteckningar" (top right). */
  documentType: string;
  /** ISO date "2026-06-09", or "" when not known. */
  date: string;
  /** Diarienummer, e.g. "A2026/01234", or "" when not set. */
  dnr: string;
};

export type MinutesDocument = {
  header: MinutesHeader;
  /** Printed with the Title style; also the document's metadata title. */
  title: string;
  blocks: Block[];
  /**
   * Document properties: author is the unit, language sv-SE. `created` (ISO 8601 date-time), when
   * set, is the one timestamp the writers stamp into the file, so the same model always gives the
   * same bytes (the register package depends on it); without it they use the current time.
   */
  properties: { subject: string; author: string; language: 'sv-SE'; keywords?: string; created?: string };
  style: HouseStyle;
};

/** Plain text of a run list, for search, tests and PDF tags; a link gives its words. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => (r.type === 'break' ? '\n' : r.text)).join('');
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The address a link may point at, or null. Only web addresses (http, https) with a host and
 * e-mail addresses (mailto) are links in minutes; javascript:, data:, file: and anything that does
 * not parse stay plain text wherever they come from (paste, import, stored JSON, the API). The
 * address comes back as the URL parser writes it (spaces and other unsafe characters escaped).
 */
export function safeLinkUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  // eslint-disable-next-line no-control-regex -- control characters in an address are never meant
  if (text === '' || text.length > MAX_URL_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:' ? !/^[^@\s]+@[^@\s]+$/.test(url.pathname) : url.hostname === '') return null;
  if (url.username || url.password) return null; // https://bank.se@evil.example reads as the bank
  return url.href.length > MAX_URL_LENGTH ? null : url.href;
}

/**
 * Rows of a table within the limits, as the rows of one or more tables: cells past
 * MAX_TABLE_COLUMNS are joined to the row's last allowed cell by `fold`, and rows past
 * MAX_TABLE_ROWS continue in another table that repeats the header row. Every word stays; only
 * the grid gives way. Generic, so importers bound their Lexical cells the same way.
 */
export function boundRows<C>(rows: readonly (readonly C[])[], header: boolean, fold: (last: C, extra: C[]) => C): C[][][] {
  const folded = rows.map((cells): C[] =>
    cells.length <= MAX_TABLE_COLUMNS
      ? [...cells]
      : [...cells.slice(0, MAX_TABLE_COLUMNS - 1), fold(cells[MAX_TABLE_COLUMNS - 1]!, cells.slice(MAX_TABLE_COLUMNS))],
  );
  if (folded.length <= MAX_TABLE_ROWS) return [folded];
  const head = header ? folded.slice(0, 1) : [];
  const body = header ? folded.slice(1) : folded;
  const per = MAX_TABLE_ROWS - head.length;
  const out: C[][][] = [];
  for (let i = 0; i < body.length; i += per) out.push([...head, ...body.slice(i, i + per)]);
  return out;
}

/** A model table within the limits (see boundRows): one table, or several when it is very long. */
export function boundTable(table: TableBlock): TableBlock[] {
  const fold = (last: TableCell, extra: TableCell[]): TableCell => ({
    ...last,
    runs: [...last.runs, ...extra.flatMap((c): Run[] => [{ type: 'text', text: ' | ' }, ...c.runs])],
  });
  return boundRows(
    table.rows.map((r) => r.cells),
    table.header,
    fold,
  ).map((rows) => ({ type: 'table', header: table.header, rows: rows.map((cells) => ({ cells })) }));
}
