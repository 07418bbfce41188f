import { logicalText, type Fragment } from './pdf-fragments';

/**
 * Visual order of one laid-out line (Unicode bidi rule L2) and the marked-content spans that give
 * a screen reader, text extraction and reflow the logical text back.
 */

/**
 * Reverses every maximal sequence at or above each level, from the highest level down to the
 * lowest odd one. Fragments are words or spaces, so a right-to-left name of several words comes
 * out in reading order; the glyphs inside an Arabic or Hebrew word are ordered by fontkit.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const out = [...items];
  const max = Math.max(0, ...out.map((f) => f.level));
  const minOdd = Math.min(...out.map((f) => (f.level % 2 === 1 ? f.level : Infinity)));
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < out.length) {
      if ((out[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}

/** A group drawn inside one /Span: its fragments in visual order, the logical text, its language. */
export type SpanGroup = { fragments: Fragment[]; actual?: string; lang?: string };

/**
 * Indic scripts draw some vowel signs before the consonant they follow (प्रिया): the glyph order is
 * not the reading order, so these runs carry their logical text as /ActualText in the content too.
 */
const REORDERING = new Set(['hi', 'bn', 'ta']);

const isRtlRun = (f: Fragment) => f.level > 0;

function dominantLang(fragments: Fragment[]): string | undefined {
  return fragments.find((f) => f.lang)?.lang;
}

/**
 * The line's fragments (logical order) → groups in visual order. A right-to-left stretch becomes
 * one group whose /ActualText is its logical text: it stays contiguous when reordered, because
 * everything in it is at level 1 or above. A left-to-right fragment in another language gets a
 * /Lang span, and one no face could draw gets /ActualText over the box drawn in its place.
 */
export function spanGroups(line: readonly Fragment[]): SpanGroup[] {
  const logical: { items: Fragment[]; rtl: boolean }[] = [];
  for (const f of line) {
    const last = logical[logical.length - 1];
    const sameLang = last && !last.rtl && !isRtlRun(f) && f.lang && !f.missing && !last.items[0]?.missing && last.items[0]?.lang === f.lang;
    if (last && ((last.rtl && isRtlRun(f)) || sameLang)) last.items.push(f);
    else logical.push({ items: [f], rtl: isRtlRun(f) });
  }
  const groups = logical.map((g): SpanGroup & { level: number } => {
    if (!g.rtl) {
      const f = g.items[0]!;
      return {
        fragments: g.items,
        level: 0,
        ...(f.missing || (f.lang && REORDERING.has(f.lang)) ? { actual: g.items.map(logicalText).join('') } : {}),
        ...(f.lang ? { lang: f.lang } : {}),
      };
    }
    const lang = dominantLang(g.items);
    return {
      fragments: visualOrder(g.items),
      level: 1,
      actual: g.items.map(logicalText).join(''),
      ...(lang ? { lang } : {}),
    };
  });
  return visualOrder(groups).map(({ fragments, actual, lang }) => ({
    fragments,
    ...(actual !== undefined ? { actual } : {}),
    ...(lang ? { lang } : {}),
  }));
}
