import { describe, expect, it } from 'vitest';
import type { SerializedEditorState } from 'lexical';
import { safeLinkUrl, type MinutesDocument, type Run } from '../src/shared/document-model';
import { DEFAULT_HOUSE_STYLE } from '../src/shared/house-style';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { docxFile, docxModel, markdownModel, pastedState, pdfFile, pdfLinks, readDocx, run, stateModel } from './support/rich-content';
import { useTmpDir } from './support/tmp';

/**
 * Links end to end: a link is clickable in the DOCX (a w:hyperlink to an external relationship
 * with the address, read back by python-docx) and in the PDF (a Link annotation with a URI
 * action and /Contents, inside a /Link element of the tag tree). Only web and e-mail addresses are
 * links: javascript:, data: and the like stay plain text whichever way they come in.
 */

const tmp = useTmpDir();

const allRuns = (doc: MinutesDocument): Run[] =>
  doc.blocks.flatMap((b) =>
    b.type === 'list'
      ? b.items.flatMap((i) => i.runs)
      : b.type === 'table'
        ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.runs))
        : b.runs,
  );
const links = (doc: MinutesDocument) => allRuns(doc).filter((r) => r.type === 'link');

const MARKDOWN = `# Samråd om bidragen

Underlaget finns på [Regeringens **webbplats**](https://www.regeringen.se/uppdrag?id=7&del=2#bilaga) och hos <https://www.mucf.se/bidrag>.

- Frågor till [Karin](mailto:karin.astrom@regeringen.se)
`;

describe('safeLinkUrl', () => {
  it('keeps web and e-mail addresses and refuses everything else', () => {
    expect(safeLinkUrl('https://www.regeringen.se')).toBe('https://www.regeringen.se/');
    expect(safeLinkUrl(' http://example.se/a b ')).toBe('http://example.se/a%20b');
    expect(safeLinkUrl('mailto:karin@example.se')).toBe('mailto:karin@example.se');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'https://bank.se@evil.example/',
      'mailto:',
      'https://',
      '/relativ/sökväg',
      'www.regeringen.se',
      `https://example.se/${'a'.repeat(3000)}`,
      42,
      null,
    ]) {
      expect(safeLinkUrl(bad), String(bad)).toBeNull();
    }
  });
});

describe('a link from Markdown', () => {
  it('is link runs in the model, bold words and all, with the address as the URL parser writes it', () => {
    expect(links(markdownModel(MARKDOWN))).toEqual([
      { type: 'link', url: 'https://www.regeringen.se/uppdrag?id=7&del=2#bilaga', text: 'Regeringens ' },
      { type: 'link', url: 'https://www.regeringen.se/uppdrag?id=7&del=2#bilaga', text: 'webbplats', bold: true },
      { type: 'link', url: 'https://www.mucf.se/bidrag', text: 'https://www.mucf.se/bidrag' },
      { type: 'link', url: 'mailto:karin.astrom@regeringen.se', text: 'Karin' },
    ]);
  });

  it('is a w:hyperlink in the DOCX: an external relationship to the address, its words in the Hyperlink style', async () => {
    const back = readDocx(await docxFile(tmp(), markdownModel(MARKDOWN)));
    const target = (id: string) => back.rels.find((r) => r.id === id);
    // Word keeps a fragment beside the relationship (w:anchor); the relationship holds the rest.
    expect(back.hyperlinks.map((h) => [h.text, target(h.id)?.target, target(h.id)?.external])).toEqual([
      ['Regeringens webbplats', 'https://www.regeringen.se/uppdrag?id=7&del=2', true],
      ['https://www.mucf.se/bidrag', 'https://www.mucf.se/bidrag', true],
      ['Karin', 'mailto:karin.astrom@regeringen.se', true],
    ]);
    expect(back.hyperlinks.every((h) => h.styles.length > 0 && h.styles.every((s) => s === 'Hyperlink'))).toBe(true);
  });

  it('is a Link annotation in the PDF with the URI and /Contents, inside a /Link element of the tag tree', async () => {
    const file = await pdfFile(tmp(), markdownModel(MARKDOWN));
    expect(pdfLinks(file).map(({ uri, contents, page }) => ({ uri, contents, page }))).toEqual([
      {
        uri: 'https://www.regeringen.se/uppdrag?id=7&del=2#bilaga',
        contents: 'Regeringens webbplats (https://www.regeringen.se/uppdrag?id=7&del=2#bilaga)',
        page: 1,
      },
      { uri: 'https://www.mucf.se/bidrag', contents: 'https://www.mucf.se/bidrag', page: 1 },
      { uri: 'mailto:karin.astrom@regeringen.se', contents: 'Karin (mailto:karin.astrom@regeringen.se)', page: 1 },
    ]);
    expect(pdfLinks(file).every((l) => l.structParent !== undefined && l.objrPage === l.page)).toBe(true);
    const tree = run('pdfinfo', '-struct-text', file);
    expect(tree).toMatch(/"Underlaget finns på "\n\s+Link \(inline\)\n\s+"Regeringens webbplats"\n\s+Object \d+ 0\n\s+" och hos <"/);
    expect(tree).toMatch(/"Frågor till "\n\s+Link \(inline\)\n\s+"Karin"\n\s+Object \d+ 0/);
    expect(run('pdftotext', file, '-')).toContain('Underlaget finns på Regeringens webbplats och hos <https://www.mucf.se/bidrag>.');
  });
});

describe('a link in a table cell and across pages', () => {
  it('is clickable in a pasted table, in both files', async () => {
    const doc = stateModel(
      pastedState('<table><tr><th>Myndighet</th></tr><tr><td>Se <a href="https://www.mucf.se/">MUCF</a></td></tr></table>'),
    );
    expect(readDocx(await docxFile(tmp(), doc)).rels.map((r) => r.target)).toEqual(['https://www.mucf.se/']);
    const file = await pdfFile(tmp(), doc);
    expect(pdfLinks(file).map((l) => l.uri)).toEqual(['https://www.mucf.se/']);
    expect(run('pdfinfo', '-struct-text', file)).toMatch(/TD\n\s+"Se "\n\s+Link \(inline\)\n\s+"MUCF"\n\s+Object \d+ 0/);
  });

  it('belongs, on a later page, to the page it is drawn on', async () => {
    const filler = Array.from({ length: 70 }, (_, i) => `Stycke ${i + 1} med text som fyller sidan.`).join('\n\n');
    const file = await pdfFile(tmp(), markdownModel(`# Lång\n\n${filler}\n\nSist en [länk](https://www.regeringen.se/).\n`));
    const [link] = pdfLinks(file);
    expect(link?.page).toBeGreaterThan(1);
    expect(link?.objrPage).toBe(link?.page);
    const onPage = run('pdftotext', '-f', String(link?.page), '-l', String(link?.page), file, '-');
    expect(onPage).toContain('Sist en länk.');
  });

  it('that runs over a page break is clickable on both pages, each part tagged with its own page', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `ord${i + 1}`).join(' ');
    const file = await pdfFile(tmp(), markdownModel(`# Lång länk\n\n[${words}](https://www.regeringen.se/)\n`));
    const found = pdfLinks(file);
    expect(new Set(found.map((l) => l.page)).size).toBeGreaterThan(1);
    expect(found.every((l) => l.uri === 'https://www.regeringen.se/' && l.objrPage === l.page)).toBe(true);
    // One /Link element a page: a screen reader meets the link once on each.
    const tree = run('pdfinfo', '-struct-text', file);
    expect(tree.match(/Link \(inline\)/g)).toHaveLength(new Set(found.map((l) => l.page)).size);
  });

  it('keeps the DOCX bytes the same for the same model (relationship ids are not random)', async () => {
    const doc = markdownModel(MARKDOWN);
    doc.properties.created = '2026-06-09T10:00:00Z';
    const [a, b] = [await writeDocx(doc), await writeDocx(doc)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('a hostile link', () => {
  const HOSTILE = ['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', 'file:///C:/Windows'];

  const expectNoLink = async (doc: MinutesDocument, words: string) => {
    expect(links(doc)).toEqual([]);
    expect(
      allRuns(doc)
        .map((r) => (r.type === 'break' ? '\n' : r.text))
        .join(''),
    ).toContain(words);
    expect(readDocx(await docxFile(tmp(), doc)).rels).toEqual([]);
    const file = await pdfFile(tmp(), doc);
    expect(pdfLinks(file)).toEqual([]);
    expect(run('pdfinfo', '-struct-text', file)).not.toContain('Link');
  };

  it.each(HOSTILE)('is plain text from Markdown: %s', async (url) => {
    await expectNoLink(markdownModel(`# x\n\nKlicka [här](${url}) nu.\n`), 'Klicka här nu.');
  });

  it.each(HOSTILE)('is plain text when pasted: %s', async (url) => {
    await expectNoLink(stateModel(pastedState(`<p>Klicka <a href="${url}">här</a> nu.</p>`)), 'Klicka här nu.');
  });

  it('is plain text from stored Lexical JSON (an old copy, the API), autolinks and unlinked autolinks too', async () => {
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
    const el = { version: 1, direction: null, format: '', indent: 0 };
    const link = (type: string, url: string, extra = {}) => ({
      type,
      url,
      rel: null,
      target: null,
      title: null,
      ...el,
      ...extra,
      children: [text('här')],
    });
    const state = {
      root: {
        type: 'root',
        ...el,
        children: [
          {
            type: 'paragraph',
            ...el,
            textFormat: 0,
            textStyle: '',
            children: [
              text('Klicka '),
              link('link', 'javascript:alert(1)'),
              text(' och '),
              link('autolink', 'data:text/html,x', { isUnlinked: false }),
              text(' och '),
              link('autolink', 'https://www.regeringen.se/', { isUnlinked: true }),
              text(' nu.'),
            ],
          },
        ],
      },
    } as unknown as SerializedEditorState;
    await expectNoLink(stateModel(state), 'Klicka här och här och här nu.');
  });

  it('is plain text even when a model handed to the writers holds one', async () => {
    const doc: MinutesDocument = {
      header: { department: 'Kulturdepartementet', unit: 'Enheten', documentType: 'Minnesanteckningar', date: '2026-06-09', dnr: '' },
      title: 'Samråd',
      blocks: [
        {
          type: 'paragraph',
          runs: [
            { type: 'text', text: 'Klicka ' },
            { type: 'link', url: 'javascript:alert(1)', text: 'här' },
          ],
        },
      ],
      properties: { subject: 'Samråd', author: 'Enheten', language: 'sv-SE' },
      style: DEFAULT_HOUSE_STYLE,
    };
    expect(readDocx(await docxFile(tmp(), doc)).rels).toEqual([]);
    expect(pdfLinks(await pdfFile(tmp(), doc))).toEqual([]);
  });
});

describe('a link in a Word file', () => {
  it('comes back from our own DOCX as a link (w:hyperlink), its address whole', async () => {
    const doc = markdownModel(MARKDOWN);
    const again = await docxModel(await writeDocx(doc));
    expect(links(again).map((l) => [l.text, l.url])).toEqual(links(doc).map((l) => [l.text, l.url]));
  });
});
