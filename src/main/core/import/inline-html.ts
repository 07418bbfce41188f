import { BOLD, ITALIC } from './lexical-json';

/**
 * What an angle-bracketed piece of Markdown means to an import. People type `<namn>`, `<Co>` and
 * `<karin@example.se>` as words, and a Markdown parser sees tags there; only the few tags a note
 * written by hand plausibly uses are read as formatting, everything else is kept as typed.
 */

export type TagEffect =
  /** `<br>`: a line break. */
  | { kind: 'break' }
  /** `<b>`, `<strong>`, `<i>`, `<em>` and their closing tags: bold or italic on or off. */
  | { kind: 'open' | 'close'; bit: number }
  /** Comments, and tags whose formatting Minnes cannot show (u, sup, sub): their text stays, the tag goes. */
  | { kind: 'drop' }
  /** Anything else: the characters as written. */
  | { kind: 'literal' };

const FORMAT_TAGS: Record<string, number> = { b: BOLD, strong: BOLD, i: ITALIC, em: ITALIC };
const PLAIN_TAGS = new Set(['u', 'sup', 'sub']);

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?\s*(\/?)>$/;
// A comment as CommonMark defines one, including the degenerate "<!-->" and "<!--->".
const COMMENT = /^<!--(?:>|->|[\s\S]*?-->)$/;

export function tagEffect(raw: string): TagEffect {
  const html = raw.trim();
  if (COMMENT.test(html)) return { kind: 'drop' };
  const m = TAG.exec(html);
  if (!m) return { kind: 'literal' };
  const [, closing, rawName = '', selfClosing] = m;
  const name = rawName.toLowerCase();
  if (name === 'br') return closing ? { kind: 'drop' } : { kind: 'break' };
  const bit = FORMAT_TAGS[name];
  if (bit !== undefined) return selfClosing ? { kind: 'drop' } : { kind: closing ? 'close' : 'open', bit };
  return PLAIN_TAGS.has(name) ? { kind: 'drop' } : { kind: 'literal' };
}

/**
 * The bold/italic that `<b>…</b>` style tags add, within one run of inline tokens. Counted rather
 * than toggled, so `<b><b>x</b> y</b>` stays bold to the end, and a stray closing tag does nothing.
 */
export class TagFormat {
  private readonly depth = new Map<number, number>();

  apply(effect: TagEffect): void {
    if (effect.kind !== 'open' && effect.kind !== 'close') return;
    const now = this.depth.get(effect.bit) ?? 0;
    this.depth.set(effect.bit, effect.kind === 'open' ? now + 1 : Math.max(0, now - 1));
  }

  bits(): number {
    let out = 0;
    for (const [bit, n] of this.depth) if (n > 0) out |= bit;
    return out;
  }
}
