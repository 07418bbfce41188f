import type { Token, Tokens } from 'marked';
import type { SerializedLexicalNode } from 'lexical';
import { safeLinkUrl } from '../../../shared/document-model';
import { tables, type BlockNode, type CellEntry, type Run } from './lexical-json';

/** Links and GFM tables of the Markdown import (markdown-to-lexical.ts). */

const withLink = (runs: Run[], url: string): Run[] => runs.map((r) => (r.kind === 'text' ? { ...r, link: url } : r));

/**
 * A Markdown link → runs. `[text](https://…)` and web addresses (`<https://…>`, a bare
 * `https://…` or `www.…`) are links; the angle brackets around an address stay as typed, as the
 * text always has. E-mail addresses stay plain text (an address someone wrote down, brackets and
 * all): a mailto: link is made only when written as one, `[Karin](mailto:karin@example.se)`.
 * An address safeLinkUrl refuses (javascript:, a relative path) gives its words without a link.
 */
export function linkRuns(
  link: Tokens.Link,
  format: number,
  inline: (tokens: Token[]) => Run[],
  text: (text: string, format: number) => Run[],
): Run[] {
  if (link.autolink) {
    const url = /^mailto:/i.test(link.href) ? null : safeLinkUrl(link.href);
    if (!url) return text(link.raw, format);
    const bracketed = link.raw.startsWith('<') && link.raw.endsWith('>');
    const shown = bracketed ? link.raw.slice(1, -1) : link.raw;
    return [...(bracketed ? text('<', format) : []), ...withLink(text(shown, format), url), ...(bracketed ? text('>', format) : [])];
  }
  const url = safeLinkUrl(link.href);
  const runs = inline(link.tokens);
  return url ? withLink(runs, url) : runs;
}

/**
 * A GFM table (`| a | b |`, a separator row, alignment ignored) → table nodes. Its first row is the
 * header row, unless every cell of it is empty (the way to write a table without one).
 */
export function markdownTable(table: Tokens.Table, cell: (tokens: Token[]) => SerializedLexicalNode[]): BlockNode[] {
  const header: CellEntry[] = table.header.map((c) => ({ inline: cell(c.tokens), header: true }));
  const body: CellEntry[][] = table.rows.map((row) => row.map((c) => ({ inline: cell(c.tokens), header: false })));
  const hasHeader = header.some((c) => c.inline.length > 0);
  const rows = hasHeader ? [header, ...body] : body;
  return rows.length > 0 ? tables(rows, hasHeader) : [];
}
