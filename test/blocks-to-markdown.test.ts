import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runsText, type Block, type ListBlock, type ListItem, type Run } from '../src/shared/document-model';
import { editorState } from '../src/main/core/import/lexical-json';
import { markdownToBlocks } from '../src/main/core/import/markdown-to-lexical';
import { splitFrontMatter } from '../src/main/core/import/front-matter';
import { blocksToMarkdown } from '../src/main/core/model/blocks-to-markdown';
import { lexicalToBlocks } from '../src/main/core/model/lexical-to-blocks';

const body = (name: string) => splitFrontMatter(readFileSync(join(__dirname, 'fixtures', name), 'utf8'))?.body ?? '';

/** Markdown → Lexical (the importer) → blocks, variables left as "{{name}}". */
const mdBlocks = (md: string): Block[] => lexicalToBlocks(editorState(markdownToBlocks(md)), () => null);

/** Blocks → Markdown → blocks must give the same blocks, and writing them again the same Markdown. */
function roundTrip(blocks: Block[]): string {
  const md = blocksToMarkdown(blocks);
  const again = mdBlocks(md);
  expect(again, md).toEqual(blocks);
  expect(blocksToMarkdown(again)).toBe(md);
  return md;
}

/** Only the words and structure, for cases where Markdown cannot keep a formatting boundary. */
const words = (blocks: Block[]): unknown[] =>
  blocks.map((b) =>
    b.type === 'list' ? b.items.map((i) => [runsText(i.runs), words(i.children)]) : [b.type, runsText('runs' in b ? b.runs : [])],
  );

const t = (text: string, f: { bold?: boolean; italic?: boolean } = {}): Run => ({ type: 'text', text, ...f });
const br: Run = { type: 'break' };
const para = (...runs: Run[]): Block => ({ type: 'paragraph', runs });

describe('blocksToMarkdown', () => {
  it('round-trips every section of the Samråd fixture and the board-meeting fixture', () => {
    const samrad = body('samrad-sections.md');
    for (const section of samrad.split(/^## /m).filter((s) => s.trim() !== '')) {
      const blocks = mdBlocks(`## ${section}`);
      expect(blocks.length).toBeGreaterThan(1);
      roundTrip(blocks);
    }
    const whole = roundTrip(mdBlocks(samrad));
    expect(whole).toContain('- **Långsiktighet** är viktigt');
    expect(whole).toContain('*Demokratisk integration – demokratistärkande insatser för ökat deltagande i och mellan valen*');
    const board = roundTrip(mdBlocks(body('styrelsemote.md')));
    expect(board).toContain('3. Tidplan för våren\n   1. Underlag från myndigheterna\n   2. Remisstider');
    expect(board).toContain(
      '- Ekonomistyrningsverket påpekade att **prognoserna** behöver uppdateras oftare.\n  - Särskilt för *kommunsektorn*.',
    );
  });

  it('escapes text that Markdown would read as markup', () => {
    const tricky: Block[] = [
      para(t('5 * 3 = 15, 2*2 och *inte kursiv* samt **inte fet**')),
      para(t('snake_case, _inte understruken_ och __inte fet__')),
      para(t('# inte en rubrik')),
      para(t('1. inte en lista'), br, t('2) inte heller'), br, t('- eller'), br, t('+ eller'), br, t('> inget citat')),
      para(t('C:\\mapp\\fil.txt och \\* och slut\\')),
      para(t('rad'), br, t('==='), br, t('---'), br, t('***'), br, t('2026. Året')),
      para(t('`kod` ~~struken~~ [länk](https://x.se) <b>html</b> &amp; &#42; | a | b |')),
      para(t('Se https://example.se/a_b_c*d och www.regeringen.se/x_y samt info_x@exempel.se.')),
      para(t('rad ett'), br, t('    indragen'), br, t('\tmed tabb')),
      { type: 'heading', level: 2, runs: [t('C# och F#')] },
      { type: 'heading', level: 3, runs: [t('1. Numrerad rubrik #')] },
    ];
    const md = roundTrip(tricky);
    expect(md).toContain('\\# inte en rubrik');
    expect(md).toContain('1\\. inte en lista');
    expect(md).toContain('snake\\_case');
    expect(md).toContain('C:\\\\mapp\\\\fil.txt');
  });

  it('keeps variables literally, also bold ones', () => {
    const blocks: Block[] = [para(t('{{Datum}} bjöd {{värd}} in till samråd på temat '), t('{{tema}}', { italic: true }), t('.'))];
    const md = roundTrip(blocks);
    expect(md).toBe('{{Datum}} bjöd {{värd}} in till samråd på temat *{{tema}}*.');
    const lexical = JSON.stringify(markdownToBlocks(md));
    expect(lexical).toContain('"type":"variable","version":1,"name":"tema","format":2');
  });

  it('writes bold, italic, both, and line breaks', () => {
    const md = roundTrip([
      para(
        t('Fet', { bold: true }),
        t(' och '),
        t('kursiv', { italic: true }),
        t(' och '),
        t('båda', { bold: true, italic: true }),
        t('.'),
      ),
      para(t('a', { bold: true }), t('b', { bold: true, italic: true }), t(' c')),
      para(t('rad ett'), br, t('rad två', { bold: true })),
    ]);
    expect(md).toBe('**Fet** och *kursiv* och ***båda***.\n\n**a*b*** c\n\nrad ett\\\n**rad två**');
  });

  it('keeps nested lists, wide numbers, empty items and neighbouring lists apart', () => {
    const item = (text: string, children: ListBlock[] = []): ListItem => ({ runs: text ? [t(text)] : [], children });
    const many = Array.from({ length: 11 }, (_, i) => item(`punkt ${i + 1}`));
    many[10] = item('elva', [{ type: 'list', ordered: false, items: [item('under elva')] }]);
    const md = roundTrip([
      { type: 'list', ordered: true, items: many },
      { type: 'list', ordered: true, items: [item('ny lista')] },
      { type: 'list', ordered: false, items: [item(''), item('b', [{ type: 'list', ordered: true, items: [item('b1')] }])] },
      { type: 'list', ordered: false, items: [item('annan lista')] },
    ]);
    expect(md).toContain('11. elva\n    - under elva');
    expect(md).toContain('1) ny lista');
    expect(md).toContain('* annan lista');
    // An empty first item under an item's text must not read as that text's continuation.
    const sub = (...items: ListItem[]): ListBlock => ({ type: 'list', ordered: false, items });
    expect(roundTrip([sub(item('a', [sub(item(''), item('x'))]))])).toBe('- a\n  - &#32;\n  - x');
    // An empty item holding a list is, for the editor, that list under the item before: written so at once.
    expect(blocksToMarkdown([sub(item('a'), item('', [sub(item('x'))]))])).toBe('- a\n  - x');
  });

  it('never loses words where Markdown cannot mark a formatting boundary', () => {
    const blocks: Block[] = [
      para(t('a'), t('(b)', { bold: true }), t('c')),
      para(t('Slut.', { bold: true }), t('Nästa')),
      para(t('kursiv ', { italic: true }), t('båda', { bold: true, italic: true }), t(' fet', { bold: true })),
      para(t(' kant ', { bold: true }), t('x')),
    ];
    const md = blocksToMarkdown(blocks);
    const again = mdBlocks(md);
    expect(words(again)).toEqual(words(blocks).map((w) => (Array.isArray(w) ? [w[0], String(w[1]).trim()] : w)));
    expect(blocksToMarkdown(again)).toBe(md);
    expect(again[0]).toEqual(para(t('a('), t('b', { bold: true }), t(')c')));
  });
});

/** A fixed pseudo-random sequence, so the mixed-text check below is the same every run. */
function sequence(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('blocksToMarkdown on mixed text', () => {
  it('is stable after one trip and keeps every word, for a thousand generated paragraphs and lists', () => {
    const rnd = sequence(2026);
    const bits = [
      'a',
      'ö',
      ' ',
      '*',
      '_',
      '\\',
      '#',
      '-',
      '1.',
      ')',
      '`',
      '~',
      '[',
      ']',
      '<',
      '>',
      '&amp;',
      '|',
      '=',
      '+',
      '{{datum}}',
      '(',
      'https://',
      'www.',
      '@',
      '\t',
      '–',
    ];
    const runs = (): Run[] =>
      Array.from({ length: 1 + rnd(5) }, (): Run => {
        if (rnd(6) === 0) return br;
        const text = Array.from({ length: 1 + rnd(5) }, () => bits[rnd(bits.length)]).join('');
        return t(text, { ...(rnd(3) === 0 ? { bold: true } : {}), ...(rnd(3) === 0 ? { italic: true } : {}) });
      });
    const flat = (bs: Block[]): string[] =>
      bs.flatMap((b) =>
        b.type === 'list' ? b.items.flatMap((i) => [runsText(i.runs), ...flat(i.children)]) : [runsText('runs' in b ? b.runs : [])],
      );
    for (let k = 0; k < 1000; k++) {
      const block: Block =
        rnd(2) === 0
          ? para(...runs())
          : {
              type: 'list',
              ordered: rnd(2) === 0,
              items: [
                { runs: runs(), children: [] },
                { runs: runs(), children: [] },
              ],
            };
      const md = blocksToMarkdown([block]);
      const once = mdBlocks(md);
      expect(blocksToMarkdown(once), md).toBe(md);
      const trimmed = (s: string) => s.replace(/^\s+|\s+$/g, '');
      // Only an empty paragraph disappears (as in the editor); list items stay, even empty ones.
      expect(flat(once).map(trimmed), md).toEqual(
        flat([block])
          .map(trimmed)
          .filter((w) => w !== '' || block.type === 'list'),
      );
    }
  });
});
