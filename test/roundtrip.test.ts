import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CONTENT_FORMAT, CONTENT_VERSION } from '../src/shared/content';
import { MetadataSchema } from '../src/shared/metadata';
import type { Block } from '../src/shared/document-model';
import { importFile } from '../src/main/core/import';
import { buildMinutes } from '../src/main/core/model/build-minutes';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const FIXTURE = join(__dirname, 'fixtures', 'styrelsemote.md');

async function modelOf(data: Buffer, name: string) {
  const r = await importFile(data, name);
  const metadata = MetadataSchema.parse(r.metadata);
  return buildMinutes(metadata, { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: r.sections }, null).model;
}

/** The shape a reader sees: block kinds, heading levels, list nesting and text, bold and italic phrases. */
function shape(blocks: Block[]): unknown[] {
  return blocks.map((b) =>
    b.type === 'list'
      ? { list: b.ordered ? 'ol' : 'ul', items: b.items.map((i) => ({ runs: i.runs, children: shape(i.children) })) }
      : { [b.type]: b.type === 'heading' ? b.level : true, ...('runs' in b ? { runs: b.runs } : { rows: b.rows }) },
  );
}

describe('own fixture with headings and numbered lists', () => {
  it('survives Markdown → DOCX → import again with headings, numbering, nesting, bold and italic', async () => {
    const model = await modelOf(readFileSync(FIXTURE), 'styrelsemote.md');
    const docx = await writeDocx(model);
    const again = await modelOf(Buffer.from(docx), 'styrelsemote.docx');
    // The title paragraph comes back as the header's title, not as body.
    expect(again.title).toBe(model.title);
    // Ministry, unit, date and Dnr come back from the Word page header.
    expect(again.header).toEqual(model.header);
    expect(shape(again.blocks)).toEqual(shape(model.blocks));
  });

  it('writes Heading styles and restarts each numbered list in the DOCX', async () => {
    const model = await modelOf(readFileSync(FIXTURE), 'styrelsemote.md');
    const docx = await writeDocx(model);
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading2"/);
    expect(xml).toMatch(/w:pStyle w:val="Heading3"/);
    const file = join(tmp(), 'r.docx');
    writeFileSync(file, docx);
    const py = `import docx,sys
d=docx.Document(sys.argv[1])
for p in d.paragraphs:
    num=p._p.pPr.numPr if p._p.pPr is not None else None
    print(p.style.name, num.numId.val if num is not None else '-', p.text)`;
    const lines = execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' }).trim().split('\n');
    const numIdOf = (text: string) =>
      lines
        .find((l) => l.endsWith(text))
        ?.split(' ')
        .at(-1 - text.split(' ').length);
    expect(lines.some((l) => l.startsWith('Heading 1') && l.endsWith('Bakgrund'))).toBe(true);
    expect(numIdOf('Mötets öppnande')).not.toBe(numIdOf('Gruppen ställde sig bakom tidplanen.'));
  });

  it('puts every word in the PDF, tagged, with the Dnr in the header', async () => {
    const model = await modelOf(readFileSync(FIXTURE), 'styrelsemote.md');
    const file = join(tmp(), 'r.pdf');
    writeFileSync(file, await writePdf(model));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const phrase of [
      'Dnr Fi2026/00412',
      'Underlag från myndigheterna',
      'Remisstider',
      'Särskilda synpunkter',
      'kommunsektorn',
      'Mötet avslutades kl. 15.30.',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });
});
