/**
 * Pasted HTML (Word, web pages) reduced to what minutes use: paragraphs, headings 1–3, lists,
 * bold, italic, line breaks. Everything else is unwrapped to its text, so nothing is lost but
 * colours, fonts, links, images and tables' layout. Word's pseudo-lists (MsoListParagraph with
 * mso-list styles) become real lists.
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

function wordListInfo(el: Element): { level: number; ordered: boolean } | null {
  const style = el.getAttribute('style') ?? '';
  const cls = el.getAttribute('class') ?? '';
  const m = /mso-list:\s*\w+\s+level(\d+)/i.exec(style);
  if (!m && !/MsoListParagraph/i.test(cls)) return null;
  const marker = el.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]')?.textContent?.trim() ?? '';
  return { level: m ? Number(m[1]) : 1, ordered: /^[0-9a-zA-Z]{1,3}[.)]$/.test(marker) };
}

export function cleanPastedHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const src = parser.parseFromString(html, 'text/html');
  const out = src.implementation.createHTMLDocument('');
  const root = out.createElement('div');

  function copyInline(node: Node, into: Element): void {
    if (node.nodeType === 3) {
      into.appendChild(out.createTextNode(node.textContent ?? ''));
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
    el.childNodes.forEach((c) => copyInline(c, target));
  }

  function blockOf(tag: string, el: Element): Element {
    const b = out.createElement(tag);
    el.childNodes.forEach((c) => copyInline(c, b));
    return b;
  }

  // Word list paragraphs arrive as siblings; this stack rebuilds their nesting.
  let wordLists: Element[] = [];

  function copyBlocks(node: Node, into: Element): void {
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
    const info = wordListInfo(el);
    if (info) {
      while (wordLists.length > info.level) wordLists.pop();
      while (wordLists.length < info.level) {
        const list = out.createElement(info.ordered ? 'ol' : 'ul');
        const parent = wordLists[wordLists.length - 1];
        (parent ? (parent.lastElementChild ?? parent) : into).appendChild(list);
        wordLists.push(list);
      }
      wordLists[wordLists.length - 1]!.appendChild(blockOf('li', el));
      return;
    }
    wordLists = [];
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) into.appendChild(blockOf(`h${Math.min(3, Number(tag[1]))}`, el));
    else if (tag === 'UL' || tag === 'OL') {
      const list = out.createElement(tag.toLowerCase());
      el.childNodes.forEach((c) => {
        if (c.nodeType === 1 && (c as Element).tagName === 'LI') {
          const li = out.createElement('li');
          c.childNodes.forEach((cc) => {
            if (cc.nodeType === 1 && ['UL', 'OL'].includes((cc as Element).tagName)) copyBlocks(cc, li);
            else copyInline(cc, li);
          });
          list.appendChild(li);
        } else copyBlocks(c, list);
      });
      into.appendChild(list);
    } else if (BLOCK.has(tag)) {
      const hasBlocks = Array.from(el.children).some((c) => BLOCK.has(c.tagName) || /^(H[1-6]|UL|OL|TABLE)$/.test(c.tagName));
      if (hasBlocks) el.childNodes.forEach((c) => copyBlocks(c, into));
      else if ((el.textContent ?? '').trim() || el.querySelector('br')) into.appendChild(blockOf('p', el));
    } else if (
      ['TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'DL', 'FIGURE'].includes(
        tag,
      )
    ) {
      el.childNodes.forEach((c) => copyBlocks(c, into));
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
