import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/main/core/export/pdf-writer';
import type { Block, MinutesDocument } from '../src/shared/document-model';
import { seedDocument } from './support/sample-model';

/**
 * A long document, read back with poppler and qpdf. The writer hands pdfkit its page content and
 * the file's own lines in batches rather than line by line, and draws strings through pdfkit's
 * lower-level text call: across many pages (letterheads written into every page at the end, after
 * its body was batched) the file must still be well formed, in reading order, and fully tagged.
 */

const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
const words = (s: string): string =>
  s
    .replace(/[\u202A-\u202E]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const COPIES = 20;
const NAME = 'محمد الأحمد';

function longDocument(): MinutesDocument {
  const seed = seedDocument();
  const blocks: Block[] = [];
  for (let i = 1; i <= COPIES; i++) {
    blocks.push({ type: 'heading', level: 1, runs: [{ type: 'text', text: `Avsnitt ${i}` }] });
    blocks.push({ type: 'paragraph', runs: [{ type: 'text', text: NAME }] });
    blocks.push(...structuredClone(seed.blocks));
  }
  return { ...seed, blocks, properties: { ...seed.properties, created: '2026-06-09T10:00:00Z' } };
}

/** Text of a block's runs, as pdftotext should give it back. */
const blockText = (b: Block): string[] =>
  b.type === 'list'
    ? b.items.map((item) => item.runs.map((r) => (r.type === 'text' ? r.text : ' ')).join(''))
    : ['runs' in b ? b.runs.map((r) => (r.type === 'text' ? r.text : ' ')).join('') : ''];

// One file for all the cases: writing it is most of the time they take.
let dir = '';
let file = '';
let doc: MinutesDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'minnes-long-pdf-'));
  doc = longDocument();
  file = join(dir, 'long.pdf');
  writeFileSync(file, (await renderPdf(doc)).bytes);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PDF writer: a long document', () => {
  it('is a well-formed file: qpdf finds no syntax, xref or stream error', () => {
    const check = run('qpdf', '--check', file);
    expect(check).toContain('No syntax or stream encoding errors found');
    expect(check).not.toMatch(/WARNING/i);
  });

  it('has the letterhead with "N (M)" on every one of its pages', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))?.[1]);
    expect(pages).toBeGreaterThan(COPIES);
    for (let p = 1; p <= pages; p++) expect(run('pdftotext', '-f', `${p}`, '-l', `${p}`, file, '-')).toContain(`${p} (${pages})`);
  });

  it('reads back every heading, paragraph and list item in order, the Arabic names in logical order', () => {
    // The body only: below the letterhead (which ends 62 pt down the page), so no page's letterhead
    // comes between the lines of a paragraph that continues on it.
    const text = words(run('pdftotext', '-x', '0', '-y', '68', '-W', '596', '-H', '774', file, '-'));
    let at = 0;
    for (const block of doc.blocks)
      for (const line of blockText(block)) {
        const found = text.indexOf(words(line), at);
        expect(found, line).toBeGreaterThanOrEqual(at);
        at = found + words(line).length;
      }
    expect(text.split(NAME).length - 1).toBe(COPIES);
  });

  it('tags every block: one H2 per section, a P per paragraph, an LI per list item, a Span per Arabic name', () => {
    const qdf = join(dir, 'long.qdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const raw = readFileSync(qdf, 'latin1');
    const count = (re: RegExp): number => raw.match(re)?.length ?? 0;
    const of = (type: string): number => doc.blocks.filter((b) => b.type === type).length;
    const items = doc.blocks.flatMap((b) => (b.type === 'list' ? b.items : [])).length;
    expect(count(/\/S \/H2\b/g)).toBe(of('heading'));
    expect(count(/\/S \/P\b/g)).toBe(doc.blocks.filter((b) => b.type === 'paragraph' && b.runs.length > 0).length);
    expect(count(/\/S \/LI\b/g)).toBe(items);
    expect(count(/\/Lang \(ar\)\s+\/P \d+ 0 R\s+\/Pg \d+ 0 R\s+\/S \/Span\b/g)).toBe(COPIES);
  });
});
