import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePdf } from '../src/main/core/export/pdf-writer';
import type { MinutesDocument } from '../src/shared/document-model';
import {
  SEED_ORGANISATIONS,
  SEED_PARAGRAPHS,
  SEED_QUESTIONS,
  SEED_TAKEAWAYS,
  SEED_TITLE,
  hostileDocument,
  plain,
  seedDocument,
  structuredDocument,
} from './support/sample-model';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const root = join(__dirname, '..');

async function pdfFile(doc: MinutesDocument = seedDocument(), opts: { pdfa?: boolean } = {}): Promise<string> {
  const file = join(tmp(), 'minnes.pdf');
  writeFileSync(file, await writePdf(doc, opts));
  return file;
}

const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

function info(file: string): Record<string, string> {
  return Object.fromEntries(
    run('pdfinfo', file)
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .flatMap((m) => (m ? [[m[1] ?? '', m[2] ?? '']] : [])),
  );
}

/** qpdf's QDF form: every stream uncompressed, so tags and XMP can be read as text. */
function uncompressed(file: string): string {
  const out = `${file}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return readFileSync(out, 'latin1');
}

describe('PDF writer: the reference minutes', () => {
  it('holds all the text of the reference minutes', async () => {
    const text = words(run('pdftotext', await pdfFile(), '-'));
    const lines = [SEED_TITLE, ...SEED_PARAGRAPHS, ...SEED_ORGANISATIONS, ...SEED_QUESTIONS, ...SEED_TAKEAWAYS].map(plain);
    for (const line of lines) expect(text).toContain(words(line));
  });

  it('is a tagged A4 PDF with title, author, subject and Swedish as its language', async () => {
    const file = await pdfFile();
    const i = info(file);
    expect(i['Tagged']).toBe('yes');
    expect(i['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)/);
    expect(i['Title']).toBe(SEED_TITLE);
    expect(i['Author']).toBe('Enheten för integration och arbetet mot utanförskap');
    expect(i['Subject']).toBe('Samråd med civilsamhället inom integrationsområdet');
    expect(Number(i['Pages'])).toBeGreaterThanOrEqual(2);
    const raw = uncompressed(file);
    expect(raw).toContain('/Lang (sv-SE)');
    expect(raw).toContain('/DisplayDocTitle true');
  });

  it('embeds Noto Sans for every font and never uses Helvetica', async () => {
    const rows = run('pdffonts', await pdfFile())
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const row of rows) {
      expect(row).toMatch(/NotoSans/);
      expect(row).toMatch(/ yes +yes +yes /); // emb, sub, uni
    }
    expect(rows.join('\n')).not.toMatch(/Helvetica/i);
  });

  it('puts the letterhead and "N (M)" on every page, marked as pagination artifacts', async () => {
    const file = await pdfFile();
    const pages = Number(info(file)['Pages']);
    for (let page = 1; page <= pages; page++) {
      const text = run('pdftotext', '-f', String(page), '-l', String(page), file, '-');
      expect(text).toContain(`${page} (${pages})`);
      expect(text).toContain('Arbetsmarknadsdepartementet');
      expect(text).toContain('2026-06-09');
      expect(text).toContain('Minnesanteckningar');
    }
    const raw = uncompressed(file);
    expect(raw.match(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/g)).toHaveLength(pages);
  });

  it('tags the title as H1, paragraphs as P and the lists as L > LI > Lbl + LBody', async () => {
    const tree = run('pdfinfo', '-struct-text', await pdfFile());
    expect(tree.startsWith('Document')).toBe(true);
    expect(tree).toMatch(/H1 \(block\)\n\s+"Minnesanteckningar från samråd/);
    expect(tree.match(/^\s+L \(block\)$/gm)).toHaveLength(3);
    expect(tree.match(/^\s+LI \(block\)$/gm)).toHaveLength(8 + 3 + 14);
    expect(tree).toMatch(/LI \(block\)\n\s+Lbl \(block\)\n\s+"•"\n\s+LBody \(block\)\n\s+"Hej Främling"/);
    expect(tree.match(/^\s+P \(block\)$/gm)).toHaveLength(SEED_PARAGRAPHS.length);
    // No text outside the tree except the artifacts: the letterhead is not read aloud.
    expect(tree).not.toContain('Enheten för integration');
  });

  it('writes PDF/A-2a identification and an output intent when asked', async () => {
    const raw = uncompressed(await pdfFile(seedDocument(), { pdfa: true }));
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(raw).toContain('/OutputIntents');
    expect(raw).toContain('/GTS_PDFA1');
    const plainPdf = uncompressed(await pdfFile());
    expect(plainPdf).not.toContain('pdfaid:part');
  });
});

describe('PDF writer: headings and lists', () => {
  it('tags headings of level 1–3 as H2–H4 under the one H1, numbers each list from 1 and nests lists in LBody', async () => {
    const file = await pdfFile(structuredDocument());
    const tree = run('pdfinfo', '-struct-text', file);
    expect(tree).toMatch(/H1 \(block\)\n\s+"Promemoria om budgetprocessen hösten 2026"/);
    expect(tree).toMatch(/H2 \(block\)\n\s+"Bakgrund"/);
    expect(tree).toMatch(/H3 \(block\)\n\s+"Steg i processen"/);
    expect(tree).toMatch(/H4 \(block\)\n\s+"Tidplan"/);
    expect(tree).toMatch(/"1\."\n\s+LBody \(block\)\n\s+"Beredning i departementen"/);
    expect(tree).toMatch(/"1\."\n\s+LBody \(block\)\n\s+"Våren: ramar"\n\s+L \(block\)\n\s+LI/);
    expect(tree).toMatch(/"1\."\n\s+LBody \(block\)\n\s+"Budgetpropositionen"/);
    const text = run('pdftotext', '-layout', file, '-');
    expect(text).toMatch(/Första raden\s*\n\s*andra raden efter radbrytning/);
    expect(text).toContain('Dnr Fi2026/04711');
    expect(text).toContain('1 (1)');
  });
});

describe('PDF writer: hostile input', () => {
  it.each([false, true])('exports control characters, emoji, RTL names, a 200-character word and 500 items (pdfa: %s)', async (pdfa) => {
    const file = await pdfFile(hostileDocument(), { pdfa });
    const i = info(file);
    expect(Number(i['Pages'])).toBeGreaterThan(5);
    expect(run('pdffonts', file)).not.toMatch(/ no +(yes|no) +(yes|no) /);
    const text = run('pdftotext', file, '-');
    expect(text).toContain('Punkt 500');
    expect(text).toContain('Ærøskøbing, Ωμέγα, Привет');
    // Arabic, Hebrew, CJK and emoji come from their own Noto faces; poppler marks RTL runs with embedding controls.
    const logical = text.replace(/[\u202A-\u202E]/g, '');
    for (const name of ['محمد عبد الله', 'יעל כהן', '中文名字', '🎉']) expect(logical).toContain(name);
    expect(text).not.toContain('\uFFFD');
    expect(text.replace(/\s+/g, '')).toContain('DonaudampfschiffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftD');
    // The title's "<taggar> & ..." must not break the XMP metadata.
    expect(i['Title']).toContain('<taggar> & "citat"');
    const xmp = `${file}.xmp`;
    writeFileSync(xmp, run('pdfinfo', '-meta', file));
    execFileSync('xmllint', ['--noout', xmp], { stdio: 'pipe' });
    expect(readFileSync(xmp, 'utf8')).toContain('&lt;taggar&gt; &amp;');
    const last = Number(i['Pages']);
    expect(run('pdftotext', '-f', String(last), '-l', String(last), file, '-')).toContain(`${last} (${last})`);
  });
});

describe('PDF writer: bundled', () => {
  it('finds its fonts from an esbuild CJS bundle, as the command line tool runs it', { timeout: 60_000 }, async () => {
    // The bundle must sit under the project so Node finds node_modules the way out/node does.
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'minnes-pdf-bundle-'));
    try {
      const entry = join(dir, 'entry.ts');
      writeFileSync(
        entry,
        `import { writePdf } from ${JSON.stringify(join(root, 'src/main/core/export/pdf-writer'))};
         import { seedDocument } from ${JSON.stringify(join(root, 'test/support/sample-model'))};
         writePdf(seedDocument()).then((b) => process.stdout.write(Buffer.from(b).subarray(0, 8).toString('latin1')));`,
      );
      const esbuild = await import('esbuild');
      const out = join(dir, 'entry.cjs');
      await esbuild.build({
        entryPoints: [entry],
        outfile: out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        packages: 'external',
        logLevel: 'error',
      });
      expect(run(process.execPath, out)).toBe('%PDF-1.7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
