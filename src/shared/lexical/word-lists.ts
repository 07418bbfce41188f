/**
 * Word's clipboard HTML has no <ol>/<ul>: each list item is a paragraph styled
 * `mso-list:l1 level2 lfo3` (list definition, nesting level, list instance) whose number or bullet
 * is typed out in front of the text, between `<![if !supportLists]>` and `<![endif]>` and/or in a
 * `<span style='mso-list:Ignore'>`. These helpers read that back; they only need the DOM, so they
 * run the same in the browser and under linkedom in the unit tests.
 */

export type MsoList = { id: string; level: number };
export type ListKind = { ordered: boolean; start: number };
export type WordMarker = { text: string; symbolFont: boolean };

const COMMENT_NODE = 8;
const ELEMENT_NODE = 1;

/** `mso-list:l0 level2 lfo1` → list instance "lfo1" at level 2; `mso-list:Ignore` is no list. */
export function parseMsoList(style: string): MsoList | null {
  const m = /mso-list:\s*(l\d+)?\s*level(\d+)(?:\s+(lfo\d+))?/i.exec(style);
  if (!m) return null;
  return { id: (m[3] ?? m[1] ?? '').toLowerCase(), level: Math.max(1, Number(m[2])) };
}

/** Bullets Word draws from a symbol font ("·" in Symbol is •, "§" in Wingdings is ▪). */
const SYMBOL_FONT = /(?<![\w-])font-family:[^;]*(symbol|wingdings|webdings)/i;

const ORDERED = /^\(?(\d+(?:\.\d+)*|[a-z]{1,4}|[A-Z]{1,4})[.)]$/;
const ROMAN = /^(m{0,3})(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

function romanValue(s: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const chars = s.toLowerCase();
  for (let i = 0; i < chars.length; i++) {
    const v = values[chars[i]!] ?? 0;
    const next = values[chars[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function letterValue(s: string): number {
  let total = 0;
  for (const c of s.toLowerCase()) total = total * 26 + (c.charCodeAt(0) - 96);
  return total;
}

/**
 * The kind of list a marker starts: "3." "b)" "(iv)" "2.1." count (and give the number to start
 * from), "•" "·" "o" "§" "-" and anything drawn in a symbol font are bullets.
 */
export function classifyMarker(marker: WordMarker): ListKind {
  const text = marker.text.replace(/\s+/g, '');
  const m = ORDERED.exec(text);
  if (marker.symbolFont || !m?.[1]) return { ordered: false, start: 1 };
  const label = m[1];
  if (/^\d/.test(label)) return { ordered: true, start: Math.max(1, Number(label.split('.').pop())) };
  // "i." "iv." are Roman; "c." "d." alone are the letters a secretary meant far more often.
  const roman = ROMAN.test(label) && (/^[ivx]+$/i.test(label) || label.length > 1);
  return { ordered: true, start: Math.max(1, roman ? romanValue(label) : letterValue(label)) };
}

function isComment(n: Node, re: RegExp): boolean {
  return n.nodeType === COMMENT_NODE && re.test((n as Comment).data);
}

const IF_LISTS = /^\s*\[if !supportLists\]\s*$/i;
const END_IF = /^\s*\[endif\]\s*$/i;

function findComment(node: Node, re: RegExp): Node | null {
  for (const c of Array.from(node.childNodes)) {
    if (isComment(c, re)) return c;
    const inner = c.nodeType === ELEMENT_NODE ? findComment(c, re) : null;
    if (inner) return inner;
  }
  return null;
}

function usesSymbolFont(nodes: Node[], stopAt: Element): boolean {
  for (const n of nodes) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if (SYMBOL_FONT.test(el.getAttribute('style') ?? '')) return true;
    if (Array.from(el.querySelectorAll('[style]')).some((d) => SYMBOL_FONT.test(d.getAttribute('style') ?? ''))) return true;
  }
  // The font is usually set on a span around the marker, not on the marker itself.
  for (let p = nodes[0]?.parentNode ?? null; p && p !== stopAt; p = p.parentNode) {
    if (p.nodeType === ELEMENT_NODE && SYMBOL_FONT.test((p as Element).getAttribute('style') ?? '')) return true;
  }
  return false;
}

/**
 * Takes the typed-out number or bullet out of a Word list paragraph and returns it, so the
 * paragraph keeps only its text. Null when the paragraph has no marker.
 */
export function takeWordMarker(el: Element): WordMarker | null {
  const start = findComment(el, IF_LISTS);
  let nodes: Node[] = [];
  if (start) {
    for (let n = start.nextSibling; n && !isComment(n, END_IF); n = n.nextSibling) nodes.push(n);
  } else {
    const ignore = Array.from(el.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/i.test(s.getAttribute('style') ?? ''));
    if (ignore) nodes = [ignore];
  }
  if (nodes.length === 0) return null;
  const marker = { text: nodes.map((n) => n.textContent ?? '').join(''), symbolFont: usesSymbolFont(nodes, el) };
  for (const n of nodes) n.parentNode?.removeChild(n);
  return marker;
}
