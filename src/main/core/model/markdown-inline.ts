import { VARIABLE_PATTERN } from '../../../shared/variables';

/**
 * The inline pieces of blocks-to-markdown.ts: formatting boundaries Markdown can express, and
 * escaping, so that text reads back as the same text.
 */

export const VARIABLE = new RegExp(VARIABLE_PATTERN.source, 'gu');

/** Backslash-escapes what Markdown would read as markup; variables stay literal. */
export function escapeText(text: string): string {
  let out = '';
  let last = 0;
  const plain = (s: string) =>
    s
      .replace(/[\\*_`[\]<~|]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      // GFM autolinks would swallow our escapes into the link text; an escaped ":" or "." stops them.
      .replace(/(https?|ftp):\/\//gi, '$1\\://')
      .replace(/(www)\./gi, '$1\\.');
  for (const m of text.matchAll(VARIABLE)) {
    out += plain(text.slice(last, m.index));
    out += m[0].includes('_') ? m[0].replace(/_/g, '\\_') : m[0];
    last = m.index + m[0].length;
  }
  return out + plain(text.slice(last));
}

/** At the start of a line: leading spaces would be stripped, and `#`, `-`, `1.` … would start a block. */
export function escapeLineStart(md: string): string {
  const lead = /^[ \t]+/.exec(md)?.[0] ?? '';
  if (lead) return lead.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + md.slice(lead.length);
  if (/^[#>+=-]/.test(md)) return `\\${md}`;
  return md.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** `url`: the piece is part of a link to it (pieces of one link have the same url). */
export type Piece = { text: string; fmt: number; url?: string };
export type Line = Piece[];

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
const EDGE_VARIABLE_START = /^\{\{[\p{L}\p{N}_-]+\}\}/u;
const EDGE_VARIABLE_END = /\{\{[\p{L}\p{N}_-]+\}\}$/u;

/** The character (or whole variable, which must not be split) at one end of a text. */
function edge(text: string, atEnd: boolean): string {
  const variable = (atEnd ? EDGE_VARIABLE_END : EDGE_VARIABLE_START).exec(text)?.[0];
  if (variable) return variable;
  const chars = Array.from(text);
  return (atEnd ? chars[chars.length - 1] : chars[0]) ?? '';
}

export function mergeLine(line: Line): Line {
  const out: Line = [];
  for (const p of line) {
    const prev = out[out.length - 1];
    if (p.text === '') continue;
    if (prev && prev.fmt === p.fmt && prev.url === p.url) out[out.length - 1] = { ...prev, text: prev.text + p.text };
    else out.push(p);
  }
  return out;
}

/**
 * CommonMark's flanking rules: `*` closes only after a non-space that is not punctuation (or
 * punctuation followed by space/punctuation), and opens likewise mirrored. When a boundary breaks
 * them, the offending character moves to the formatting both sides share. Where a link starts or
 * ends every marker closes and opens again next to a bracket, so there only spaces get in the way.
 */
export function fixBoundaries(input: Line): Line {
  let line = mergeLine(input);
  for (let guard = 0; guard < 10_000; guard++) {
    let changed = false;
    for (let i = 0; i <= line.length && !changed; i++) {
      const left = line[i - 1];
      const right = line[i];
      const a = left?.fmt ?? 0;
      const b = right?.fmt ?? 0;
      const linkEdge = left?.url !== right?.url;
      if (a === b && !linkEdge) continue;
      const shared = linkEdge ? 0 : a & b;
      const x = left ? edge(left.text, true) : undefined;
      const y = right ? edge(right.text, false) : undefined;
      const xc = x === undefined ? undefined : Array.from(x).pop();
      const yc = y === undefined ? undefined : Array.from(y)[0];
      // At a link edge the markers meet "[", "](…)" or "]": punctuation.
      const across = (c: string | undefined) => (linkEdge ? '[' : c);
      const canClose = !isSpace(xc) && (!isPunct(xc) || isSpace(across(yc)) || isPunct(across(yc)));
      const canOpen = !isSpace(yc) && (!isPunct(yc) || isSpace(across(xc)) || isPunct(across(xc)));
      const piece = (text: string, from: Piece): Piece => ({ text, fmt: shared, ...(from.url ? { url: from.url } : {}) });
      if (a & ~shared && !canClose && left && x !== undefined) {
        line = [...line.slice(0, i - 1), { ...left, text: left.text.slice(0, -x.length) }, piece(x, left), ...line.slice(i)];
        changed = true;
      } else if (b & ~shared && !canOpen && right && y !== undefined) {
        line = [...line.slice(0, i), piece(y, right), { ...right, text: right.text.slice(y.length) }, ...line.slice(i + 1)];
        changed = true;
      }
    }
    if (!changed) return line;
    line = mergeLine(line);
  }
  return line;
}
