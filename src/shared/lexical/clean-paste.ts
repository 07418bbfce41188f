import { safeLinkUrl } from '../document-model';
import { MAX_INLINE_DEPTH, MAX_LIST_DEPTH, MAX_MARKUP_DEPTH } from '../limits';
import { copyTable } from './paste-tables';
import { classifyMarker, parseMsoList, takeWordMarker, type ListKind } from './word-lists';

/**
 * Pasted HTML (Word, web pages) reduced to what minutes use: paragraphs, headings 1–3, lists,
 * tables (paste-tables.ts), links to web and e-mail addresses, bold, italic, line breaks.
 * Everything else is unwrapped to its text, so nothing is lost but colours, fonts, images, tables'
 * layout and links to anything else (javascript:, bookmarks). Word's pseudo-lists (MsoListParagraph with
 * mso-list styles) become real lists, numbered or bulleted as their markers say. Lists deeper than
 * MAX_LIST_DEPTH continue at that level, and markup nested past MAX_INLINE_DEPTH gives its text.
 */
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'DT', 'DD', 'FIGCAPTION', 'ADDRESS']);
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'META',
  'LINK',
  'TITLE',
  'HEAD',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'OBJECT',
  'SVG',
  'IMG',
  'VIDEO',
  'AUDIO',
]);

function inlineFormat(el: Element): { bold: boolean; italic: boolean } {
  const style = (el.getAttribute('style') ?? '').toLowerCase();
  const tag = el.tagName;
  const bold = tag === 'B' || tag === 'STRONG' || /font-weight:\s*(bold|[6-9]00)/.test(style);
  const italic = tag === 'I' || tag === 'EM' || /font-style:\s*italic/.test(style);
  // Google Docs wraps everything in <b style="font-weight:normal">.
  const notBold = /font-weight:\s*(normal|[1-4]00)/.test(style);
  return { bold: bold && !notBold, italic };
}

type WordItem = { id: string; level: number } & ListKind;

/** A Word list paragraph's place and kind; its marker is taken out of it. Headings stay headings. */
function wordListItem(el: Element): WordItem | null {
  if (/^H[1-6]$/.test(el.tagName)) {
    if (parseMsoList(el.getAttribute('style') ?? '')) takeWordMarker(el); // a numbered heading's "1."
    return null;
  }
  const list = parseMsoList(el.getAttribute('style') ?? '');
  const isListStyle = /MsoListParagraph/i.test(el.getAttribute('class') ?? '');
  if (!list && !isListStyle) return null;
  const marker = takeWordMarker(el);
  // A List Paragraph without a number or bullet is only an indented paragraph.
  if (!list && !marker) return null;
  return { id: list?.id ?? '', level: list?.level ?? 1, ...classifyMarker(marker ?? { text: '', symbolFont: false }) };
}

/**
 * Word's downlevel-revealed `<![if …]>` is a bogus comment to a browser and nothing to linkedom:
 * make it a comment to both. A bare fragment (what browsers put on the clipboard) gets a body,
 * which a browser would add anyway and linkedom would not.
 */
function normalise(html: string): string {
  const revealed = html.replace(/<!\[(if [^\]]*|endif)\]>/gi, '<!--[$1]-->');
  return /<body[\s>]/i.test(revealed) ? revealed : `<!doctype html><html><body>${revealed}</body></html>`;
}

/**
 * The words of markup nested too deep to walk, a space apart where elements met: iterative, since
 * the point is that recursion would overflow. Formatting and structure are gone; the text stays.
 */
function deepText(node: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1 && !DROP.has((n as Element).tagName)) {
      const kids = Array.from(n.childNodes);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** The clean HTML for a paste. The parser is passed in: the browser's in the editor, linkedom's in tests. */
export function cleanPastedHtml(html: string, parser: DOMParser): string {
  const src = parser.parseFromString(normalise(html), 'text/html');
  const out = parser.parseFromString('<!doctype html><html><body></body></html>', 'text/html');
  const root = out.createElement('div');

  function copyInline(node: Node, into: Element, depth = 0): void {
    if (node.nodeType === 3) {
      into.appendChild(out.createTextNode(node.textContent ?? ''));
      return;
    }
    if (depth > MAX_INLINE_DEPTH && node.nodeType === 1) {
      into.appendChild(out.createTextNode(deepText(node)));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (DROP.has(el.tagName)) return;
    if (/mso-list:\s*Ignore/i.test(el.getAttribute('style') ?? '')) return;
    if (el.tagName === 'BR') {
      into.appendChild(out.createElement('br'));
      return;
    }
    const f = inlineFormat(el);
    let target = into;
    if (f.bold) target = target.appendChild(out.createElement('b'));
    if (f.italic) target = target.appendChild(out.createElement('i'));
    // A link inside a link is not HTML; the outer one wins.
    const url = el.tagName === 'A' && !into.closest('a') ? safeLinkUrl(el.getAttribute('href')) : null;
    if (url) {
      target = target.appendChild(out.createElement('a'));
      target.setAttribute('href', url);
    }
    el.childNodes.forEach((c) => copyInline(c, target, depth + 1));
  }

  function blockOf(tag: string, el: Element): Element {
    const b = out.createElement(tag);
    el.childNodes.forEach((c) => copyInline(c, b));
    return b;
  }

  // Word list paragraphs arrive as siblings; this stack rebuilds their nesting, one entry a level.
  let wordLists: Array<{ list: Element; ordered: boolean }> = [];
  let wordListId: string | null = null;

  function addWordItem(item: WordItem, el: Element, into: Element): void {
    // Another list instance (lfo) is another list, even when it looks the same.
    if (item.id !== wordListId) wordLists = [];
    wordListId = item.id;
    // `level300` is possible in the HTML; such items continue the deepest list allowed.
    const level = Math.min(item.level, MAX_LIST_DEPTH);
    while (wordLists.length > level) wordLists.pop();
    // A numbered list right after a bulleted one at the same level is a list of its own.
    if (wordLists.length === level && wordLists[level - 1]?.ordered !== item.ordered) wordLists.pop();
    while (wordLists.length < level) {
      const list = out.createElement(item.ordered ? 'ol' : 'ul');
      if (item.ordered && item.start !== 1 && wordLists.length === level - 1) list.setAttribute('start', String(item.start));
      const parent = wordLists[wordLists.length - 1]?.list;
      (parent ? (parent.lastElementChild ?? parent) : into).appendChild(list);
      wordLists.push({ list, ordered: item.ordered });
    }
    wordLists[wordLists.length - 1]!.list.appendChild(blockOf('li', el));
  }

  /**
   * `depth`: containers around `node` that shape the output; `lists`: lists `into` is inside, in the
   * output; `source`: all of the source's nesting, bounded so that recursion stays safe.
   */
  function copyBlocks(node: Node, into: Element, depth = 0, lists = 0, source = 0): void {
    if ((depth > MAX_MARKUP_DEPTH || source > 4 * MAX_MARKUP_DEPTH) && node.nodeType === 1) {
      const text = deepText(node);
      if (text.trim()) into.appendChild(out.createElement('p')).appendChild(out.createTextNode(text));
      return;
    }
    if (node.nodeType === 3) {
      if (!(node.textContent ?? '').trim()) return;
      const p = out.createElement('p');
      p.appendChild(out.createTextNode(node.textContent ?? ''));
      into.appendChild(p);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (DROP.has(el.tagName)) return;
    const item = wordListItem(el);
    if (item) {
      addWordItem(item, el, into);
      return;
    }
    wordLists = [];
    wordListId = null;
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) into.appendChild(blockOf(`h${Math.min(3, Number(tag[1]))}`, el));
    else if (tag === 'TABLE' && lists === 0) copyTable(el, into, out, copyInline);
    else if (tag === 'UL' || tag === 'OL') {
      // Past the deepest level, a nested list's items join the list its parent item is in.
      const flat = lists >= MAX_LIST_DEPTH && into.tagName === 'LI' ? into.parentElement : null;
      const list = flat ?? out.createElement(tag.toLowerCase());
      const start = tag === 'OL' ? Number(el.getAttribute('start')) : NaN;
      if (!flat && Number.isInteger(start) && start > 1) list.setAttribute('start', String(start));
      if (!flat) into.appendChild(list);
      const inner = flat ? lists : lists + 1;
      // A flattened list adds no depth to the output.
      const d = flat ? depth : depth + 1;
      el.childNodes.forEach((c) => {
        if (c.nodeType === 1 && (c as Element).tagName === 'LI') {
          const li = list.appendChild(out.createElement('li'));
          c.childNodes.forEach((cc) => {
            if (cc.nodeType === 1 && ['UL', 'OL'].includes((cc as Element).tagName)) copyBlocks(cc, li, d, inner, source + 2);
            else copyInline(cc, li, depth + 2);
          });
        } else copyBlocks(c, list, d, inner, source + 1);
      });
    } else if (BLOCK.has(tag)) {
      const hasBlocks = Array.from(el.children).some((c) => BLOCK.has(c.tagName) || /^(H[1-6]|UL|OL|TABLE)$/.test(c.tagName));
      if (hasBlocks) el.childNodes.forEach((c) => copyBlocks(c, into, depth + 1, lists, source + 1));
      else if ((el.textContent ?? '').trim() || el.querySelector('br')) into.appendChild(blockOf('p', el));
    } else if (
      ['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'DL', 'FIGURE'].includes(
        tag,
      )
    ) {
      el.childNodes.forEach((c) => copyBlocks(c, into, depth + 1, lists, source + 1));
    } else {
      // Inline content at block level (e.g. a bare <span> or <b> from a web page).
      const p = out.createElement('p');
      copyInline(el, p);
      if ((p.textContent ?? '').trim()) into.appendChild(p);
    }
  }

  src.body.childNodes.forEach((c) => copyBlocks(c, root));
  return root.innerHTML;
}
