import { describe, expect, it } from 'vitest';
import type { MinutesDocument, TableBlock } from '../src/shared/document-model';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../src/shared/limits';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { blocksToMarkdown } from '../src/main/core/model/blocks-to-markdown';
import { docxFile, docxModel, markdownModel, pastedState, pdfFile, readDocx, run, stateModel } from './support/rich-content';
import { useTmpDir } from './support/tmp';

/**
 * Tables end to end: a Markdown table and a table pasted from Word become real tables in the
 * DOCX (python-docx reads the rows, the header text and its repeat flag) and tagged tables in the
 * PDF (poppler's tag tree shows Table > TR > TH/TD, the header cells scoped to their column).
 */

const tmp = useTmpDir();

const MARKDOWN = `# Samråd om bidragen

Deltagare:

| Organisation | Företrädare | Roll |
|:--|:-:|--:|
| Hela Sverige ska leva | Karin Åström | **ordförande** |
| Kompis Sverige | Per Lind | sekreterare |
| Skoopi | | adjungerad |

Mötet avslutades.
`;

/** Word's clipboard for a 2 × 3 table with a bold first row (Word writes a header row so). */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm}</style></head><body lang=SV style='tab-interval:65.2pt'><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:226.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=SV>Fråga<o:p></o:p></span></b></p>
  </td>
  <td width=302 valign=top style='width:226.5pt;border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b><span lang=SV>Medskick<o:p></o:p></span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=302 valign=top style='width:226.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=SV>Lärdomar<o:p></o:p></span></p>
  </td>
  <td width=302 valign=top style='width:226.5pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=SV>Långsiktig finansiering<o:p></o:p></span></p>
  <p class=MsoNormal><i><span lang=SV>fleråriga bidrag</span></i><o:p></o:p></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=302 valign=top style='width:226.5pt;border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=SV>Bidrag<o:p></o:p></span></p>
  </td>
  <td width=302 valign=top style='width:226.5pt;border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><span lang=SV>Studiecirklar på modersmål<o:p></o:p></span></p>
  </td>
 </tr>
</table>
<p class=MsoNormal><span lang=SV><o:p>&nbsp;</o:p></span></p>
<!--EndFragment--></body></html>`;

const tablesOf = (doc: MinutesDocument) => doc.blocks.filter((b): b is TableBlock => b.type === 'table');

/** The tag tree's tables as lines "TR: TH a | TH b", from pdfinfo -struct-text. */
function taggedTables(tree: string): string[][] {
  const tables: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  for (const line of tree.split('\n')) {
    const t = line.trim();
    if (t === 'Table (block)') tables.push([]);
    else if (t === 'TR') tables[tables.length - 1]!.push('');
    else if (/^T[HD]:?$/.test(t)) {
      const rows = tables[tables.length - 1]!;
      row = rows;
      cell = t.slice(0, 2);
      rows[rows.length - 1] += `${rows[rows.length - 1] ? ' | ' : ''}${cell}`;
    } else if (row && cell && t.startsWith('"'))
      row[row.length - 1] = `${row[row.length - 1]} ${JSON.parse(t) as string}`.replace(/\s+/g, ' ').trimEnd();
    else if (!t.startsWith('/') && !/^T[HRD]/.test(t)) cell = null;
  }
  return tables;
}

describe('a Markdown table', () => {
  it('becomes a table of the model with its header row, alignment ignored', () => {
    const [table] = tablesOf(markdownModel(MARKDOWN));
    expect(table?.header).toBe(true);
    expect(table?.rows.map((r) => r.cells.map((c) => c.runs.map((x) => (x.type === 'break' ? '\n' : x.text)).join('')))).toEqual([
      ['Organisation', 'Företrädare', 'Roll'],
      ['Hela Sverige ska leva', 'Karin Åström', 'ordförande'],
      ['Kompis Sverige', 'Per Lind', 'sekreterare'],
      ['Skoopi', '', 'adjungerad'],
    ]);
    expect(table?.rows[1]?.cells[2]?.runs).toEqual([{ type: 'text', text: 'ordförande', bold: true }]);
  });

  it('is a w:tbl in the DOCX whose header row repeats on every page (python-docx)', async () => {
    const back = readDocx(await docxFile(tmp(), markdownModel(MARKDOWN)));
    expect(back.tables).toEqual([
      [
        { header: true, cells: ['Organisation', 'Företrädare', 'Roll'] },
        { header: false, cells: ['Hela Sverige ska leva', 'Karin Åström', 'ordförande'] },
        { header: false, cells: ['Kompis Sverige', 'Per Lind', 'sekreterare'] },
        { header: false, cells: ['Skoopi', '', 'adjungerad'] },
      ],
    ]);
  });

  it('is Table > TR > TH/TD in the tagged PDF, the header cells scoped to their column', async () => {
    const file = await pdfFile(tmp(), markdownModel(MARKDOWN));
    expect(taggedTables(run('pdfinfo', '-struct-text', file))).toEqual([
      [
        'TH Organisation | TH Företrädare | TH Roll',
        'TD Hela Sverige ska leva | TD Karin Åström | TD ordförande',
        'TD Kompis Sverige | TD Per Lind | TD sekreterare',
        'TD Skoopi | TD | TD adjungerad',
      ],
    ]);
    const tree = run('pdfinfo', '-struct', file);
    expect(tree.match(/TH:\n\s+\/Scope \/Column/g)).toHaveLength(3);
    // The paragraph after the table is still in reading order.
    expect(run('pdfinfo', '-struct-text', file)).toMatch(/"adjungerad"\n\s+P \(block\)\n\s+"Mötet avslutades\."/);
  });

  it('comes back from a template as the same table (GFM, read back by the importer)', () => {
    const doc = markdownModel(MARKDOWN);
    const md = blocksToMarkdown(doc.blocks);
    expect(md).toContain('| Organisation | Företrädare | Roll |\n| --- | --- | --- |');
    expect(markdownModel(`# x\n\n${md}`).blocks).toEqual(doc.blocks);
  });
});

describe('a table pasted from Word', () => {
  it('keeps its rows, takes the bold first row as the header row and the cell paragraphs as lines', () => {
    const [table] = tablesOf(stateModel(pastedState(WORD)));
    expect(table?.header).toBe(true);
    expect(table?.rows.map((r) => r.cells.map((c) => c.runs))).toEqual([
      [[{ type: 'text', text: 'Fråga', bold: true }], [{ type: 'text', text: 'Medskick', bold: true }]],
      [
        [{ type: 'text', text: 'Lärdomar' }],
        [{ type: 'text', text: 'Långsiktig finansiering' }, { type: 'break' }, { type: 'text', text: 'fleråriga bidrag', italic: true }],
      ],
      [[{ type: 'text', text: 'Bidrag' }], [{ type: 'text', text: 'Studiecirklar på modersmål' }]],
    ]);
  });

  it('reaches the DOCX as a table with a repeated header row and the PDF as Table/TR/TH/TD', async () => {
    const doc = stateModel(pastedState(WORD));
    const back = readDocx(await docxFile(tmp(), doc));
    expect(back.tables[0]?.map((r) => [r.header, ...r.cells])).toEqual([
      [true, 'Fråga', 'Medskick'],
      [false, 'Lärdomar', 'Långsiktig finansiering\nfleråriga bidrag'],
      [false, 'Bidrag', 'Studiecirklar på modersmål'],
    ]);
    const tree = run('pdfinfo', '-struct-text', await pdfFile(tmp(), doc));
    expect(taggedTables(tree)).toEqual([
      ['TH Fråga | TH Medskick', 'TD Lärdomar | TD Långsiktig finansiering fleråriga bidrag', 'TD Bidrag | TD Studiecirklar på modersmål'],
    ]);
  });

  it('takes <thead> and <th> as the header row, and a table without one as a plain grid', () => {
    const thead = stateModel(
      pastedState('<table><thead><tr><td>A</td><td>B</td></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>'),
    );
    expect(tablesOf(thead)[0]?.header).toBe(true);
    const th = stateModel(pastedState('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'));
    expect(tablesOf(th)[0]?.header).toBe(true);
    const plain = stateModel(pastedState('<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table>'));
    expect(tablesOf(plain)[0]?.header).toBe(false);
  });
});

describe('a long table', () => {
  const long = (rows: number, tallRow = false): MinutesDocument => {
    const doc = markdownModel(
      `# Deltagarlista\n\n| Nr | Organisation | Kommentar |\n|---|---|---|\n${Array.from({ length: rows }, (_, i) => `| ${i + 1} | Organisation nummer ${i + 1} | Deltog på plats |`).join('\n')}\n`,
    );
    if (tallRow) {
      const table = tablesOf(doc)[0]!;
      const lines = Array.from({ length: 90 }, (_, i): [{ type: 'text'; text: string }, { type: 'break' }] => [
        { type: 'text', text: `Rad ${i + 1} av ett långt medskick` },
        { type: 'break' },
      ]);
      table.rows[2]!.cells[2] = { runs: lines.flat().slice(0, -1) };
    }
    return doc;
  };

  it('breaks between rows across pages and repeats the header row on each page, tagged once', async () => {
    const file = await pdfFile(tmp(), long(80));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++)
      expect(run('pdftotext', '-f', String(page), '-l', String(page), file, '-')).toContain('Organisation\n');
    const [table] = taggedTables(run('pdfinfo', '-struct-text', file));
    // The repeats are pagination artifacts: the tree has the header row once and every row once.
    expect(table).toHaveLength(81);
    expect(table?.filter((r) => r.startsWith('TH'))).toEqual(['TH Nr | TH Organisation | TH Kommentar']);
    expect(table?.[80]).toBe('TD 80 | TD Organisation nummer 80 | TD Deltog på plats');
  });

  it('continues a row taller than a page on the next one, every line in its cell', async () => {
    const file = await pdfFile(tmp(), long(4, true));
    const text = run('pdftotext', file, '-');
    for (const n of [1, 45, 90]) expect(text).toContain(`Rad ${n} av ett långt medskick`);
    const [table] = taggedTables(run('pdfinfo', '-struct-text', file));
    expect(table?.[2]).toMatch(/^TD 2 \| TD Organisation nummer 2 \| TD Rad 1 av .* Rad 90 av ett långt medskick$/);
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('is split into tables of MAX_TABLE_ROWS that each repeat the header, and folds extra columns into the last', async () => {
    const wide = `| ${Array.from({ length: MAX_TABLE_COLUMNS + 2 }, (_, i) => `K${i + 1}`).join(' | ')} |\n|${'---|'.repeat(MAX_TABLE_COLUMNS + 2)}\n`;
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => `| r${i + 1} |`).join('\n');
    const doc = markdownModel(`# Stor\n\n${wide}${rows}\n`);
    const tables = tablesOf(doc);
    expect(tables.map((t) => t.rows.length)).toEqual([MAX_TABLE_ROWS, 7]);
    expect(tables[1]?.rows[0]?.cells[0]?.runs).toEqual([{ type: 'text', text: 'K1' }]);
    const last = tables[0]!.rows[0]!.cells[MAX_TABLE_COLUMNS - 1]!.runs.map((r) => (r.type === 'break' ? '' : r.text)).join('');
    expect(last).toBe(`K${MAX_TABLE_COLUMNS} | K${MAX_TABLE_COLUMNS + 1} | K${MAX_TABLE_COLUMNS + 2}`);
    expect(tables[0]!.rows.every((r) => r.cells.length === MAX_TABLE_COLUMNS)).toBe(true);
    expect(readDocx(await docxFile(tmp(), doc)).tables.map((t) => t.length)).toEqual([MAX_TABLE_ROWS, 7]);
  });
});

describe('a table in a Word file', () => {
  it('comes back from our own DOCX as a table with its header row (w:tbl, w:tblHeader)', async () => {
    const doc = markdownModel(MARKDOWN);
    const again = await docxModel(await writeDocx(doc));
    expect(tablesOf(again)).toEqual(tablesOf(doc));
  });
});
