import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_FORMAT, CONTENT_VERSION } from '../src/shared/content';
import { MetadataSchema } from '../src/shared/metadata';
import type { Template } from '../src/shared/template';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { importFile, importText, type ImportResult } from '../src/main/core/import';
import { buildMinutes } from '../src/main/core/model/build-minutes';
import { BUILTIN_TEMPLATES } from '../src/main/core/templates/builtin';
import { blocks, fixture, textItems } from './import-helpers';
import { useTmpDir } from './support/tmp';

/**
 * What the user wrote survives the whole way: Markdown import → document model → the real DOCX
 * and PDF writers, read back with python-docx and poppler's pdftotext.
 */

const tmp = useTmpDir();
const SAMRAD: Template = BUILTIN_TEMPLATES.find((t) => t.key === 'samrad')!;

const SOURCE = `---
department: Arbetsmarknadsdepartementet
unit: Enheten för integration och arbetet mot utanförskap
date: 2026-06-09
host: Adam Alfredsson
---

# Minnesanteckningar från möte med referensgruppen den 9 juni 2026

Tid: kl. 9.00–11.00
Plats: Rosenbad, Stockholm
Kontakt: <karin@example.se>

Mötet leddes av {{värd}}. Företaget <Co> lämnar synpunkter till <namn> senast <datum för svar>.

- <Co> presenterade **<rapportens namn>**
- Frågor till <karin@example.se>
`;

function model(r: ImportResult, template: Template | null = null) {
  const metadata = MetadataSchema.parse({ ...(template?.defaults ?? {}), ...r.metadata });
  const built = buildMinutes(metadata, { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: r.sections }, template);
  expect(built.missing).toEqual([]);
  return built.model;
}

/** The DOCX body's paragraphs as python-docx reads them, a line break inside one as "\n". */
function docxParagraphs(docx: Uint8Array): string[] {
  const file = join(tmp(), 'minnen.docx');
  writeFileSync(file, docx);
  const py = `import docx,json,sys
print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' })) as string[];
}

function pdfLines(pdf: Uint8Array): string[] {
  const file = join(tmp(), 'minnen.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
}

describe('Markdown import → DOCX and PDF', () => {
  const minutes = model(importText(Buffer.from(SOURCE, 'utf8'), 'referensgrupp.md'));

  it('keeps angle-bracket text and single-newline lines in the Word file', async () => {
    const paragraphs = docxParagraphs(await writeDocx(minutes));
    expect(paragraphs).toContain('Tid: kl. 9.00–11.00\nPlats: Rosenbad, Stockholm\nKontakt: <karin@example.se>');
    expect(paragraphs).toContain('Mötet leddes av Adam Alfredsson. Företaget <Co> lämnar synpunkter till <namn> senast <datum för svar>.');
    expect(paragraphs).toContain('<Co> presenterade <rapportens namn>');
    expect(paragraphs).toContain('Frågor till <karin@example.se>');
  });

  it('keeps them in the PDF: each line on its own, the brackets printed', async () => {
    const lines = pdfLines(await writePdf(minutes));
    for (const line of ['Tid: kl. 9.00–11.00', 'Plats: Rosenbad, Stockholm', 'Kontakt: <karin@example.se>']) expect(lines).toContain(line);
    const text = lines.join(' ');
    for (const phrase of [
      'Mötet leddes av Adam Alfredsson.',
      'Företaget <Co> lämnar',
      'till <namn> senast <datum för svar>.',
      '<Co> presenterade <rapportens namn>',
    ])
      expect(text).toContain(phrase);
  });
});

describe('a Word file Minnes wrote from the plain seed', () => {
  it('imports into the Samråd sections by the same cues as the text', async () => {
    const docx = await writeDocx(model(importText(fixture('samrad-2026-06-09.txt'), 'samrad.txt')));
    const r = await importFile(Buffer.from(docx), 'samrad.docx', SAMRAD);
    const counts = (x: ImportResult) =>
      x.sections.map((s) => [s.key, blocks(s).map((b) => (b.type === 'list' ? textItems(b).length : b.type))]);
    expect(counts(r)).toEqual(counts(importText(fixture('samrad-2026-06-09.txt'), 'samrad.txt', SAMRAD)));
    expect(Object.fromEntries(counts(r))).toMatchObject({
      'deltagande-organisationer': ['paragraph', 8],
      gruppdiskussioner: ['paragraph', 3],
      medskick: ['paragraph', 14],
      avslutning: ['paragraph', 'paragraph'],
    });
    expect(r.notices).toEqual([]);
  });
});
