import type { Metadata } from '../../../shared/metadata';
import { findDateInText } from '../../../shared/swedish-format';
import { markdownInlineText } from './markdown-to-lexical';

/**
 * The layout of the reference minutes (fixtures/samrad-2026-06-09.txt) without front matter:
 *
 *   Arbetsmarknadsdepartementet                  ← department
 *   Enheten för integration och arbetet mot …    ← unit
 *                                                ← blank line
 *   Minnesanteckningar från samråd … den 9 juni 2026   ← title paragraph (date read from it)
 *
 * A file that does not open like this is all body: guessing a header from ordinary text would
 * silently move the first words of the minutes into metadata.
 */

export type PlainLayout = { metadata: Partial<Metadata>; body: string };

const MAX_HEADER_LINE = 120;
const MAX_TITLE = 500;

const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';

/** A short line of its own: not Markdown block syntax and not a sentence. */
export function looksLikeHeaderLine(line: string | undefined): line is string {
  if (line === undefined) return false;
  const t = line.trim();
  if (t === '' || t.length > MAX_HEADER_LINE || /^(\s{4}|\t)/.test(line)) return false;
  if (/^([-*+]\s|\d{1,9}[.)](\s|$)|#|>|\||```|~~~|<|---|===)/.test(t)) return false;
  // "Tid: kl. 9.00" / "Plats: Stockholm" open many minutes; no ministry or unit is written that way.
  if (/^[^:]{1,40}:\s/.test(t)) return false;
  return !/[.:;!?]$/.test(t);
}

export function readPlainLayout(text: string): PlainLayout {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  const department = lines[i];
  const unit = lines[i + 1];
  if (!looksLikeHeaderLine(department) || !looksLikeHeaderLine(unit) || !isBlank(lines[i + 2])) {
    return { metadata: {}, body: text };
  }

  let j = i + 2;
  while (j < lines.length && isBlank(lines[j])) j++;
  const titleLines: string[] = [];
  while (j < lines.length && !isBlank(lines[j])) titleLines.push((lines[j++] ?? '').trim());
  // A list or a rule right after the two lines means they were body text, not a header.
  const firstTitleLine = titleLines[0];
  if (firstTitleLine === undefined || /^([-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|---)/.test(firstTitleLine)) {
    return { metadata: {}, body: text };
  }

  // "# Titel" is accepted too: the heading marks are layout, not words.
  const title = markdownInlineText(titleLines.join(' ').replace(/^#{1,6}\s+/, ''));
  // "**Arbetsmarknadsdepartementet**" is still the ministry: emphasis is layout here.
  const metadata: Partial<Metadata> = { department: markdownInlineText(department), unit: markdownInlineText(unit) };
  // A paragraph too long for a title is the first paragraph of the minutes.
  if (title.length > MAX_TITLE) return { metadata, body: lines.slice(i + 2).join('\n') };
  metadata.title = title;
  const date = findDateInText(title);
  if (date) metadata.date = date;
  return { metadata, body: lines.slice(j).join('\n') };
}
