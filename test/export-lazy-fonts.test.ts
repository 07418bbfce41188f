import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Fonts are read and parsed only when a PDF needs a face. Each case runs in a fresh Node process
 * (an esbuild bundle, as the command line tool runs), so nothing an earlier test loaded counts:
 * the process exports through renderParts, the path `minnes render` and the app take, and reports
 * fonts.ts's own record of the faces it parsed and whether pdfkit was ever loaded.
 */

const root = join(__dirname, '..');
const fixture = join(root, 'test', 'fixtures', 'flersprakiga-namn.md');
const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

type Report = { faces: string[]; pdfkitLoaded: boolean; signature: string; file: string };

const ENTRY = `
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { renderParts, type ExportFormat } from ${JSON.stringify(join(root, 'src/main/core/export-document'))};
import { loadedFaces } from ${JSON.stringify(join(root, 'src/main/core/export/fonts'))};
import { importFile } from ${JSON.stringify(join(root, 'src/main/core/import'))};
import { CONTENT_FORMAT, CONTENT_VERSION } from ${JSON.stringify(join(root, 'src/shared/content'))};
import { MetadataSchema } from ${JSON.stringify(join(root, 'src/shared/metadata'))};

const pdfkitLoaded = (): boolean => Object.keys(require.cache).some((p) => /node_modules[\\\\/]pdfkit[\\\\/]/.test(p));

async function main(): Promise<void> {
  const [input, outDir, ...formats] = process.argv.slice(2) as [string, string, ...ExportFormat[]];
  const imported = await importFile(readFileSync(input), basename(input));
  const metadata = MetadataSchema.parse(imported.metadata);
  const content = { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: imported.sections };
  const reports: Record<string, unknown> = {};
  for (const format of formats) {
    const { bytes } = await renderParts(metadata, content, null, format);
    writeFileSync(outDir + '/out.' + format, bytes);
    reports[format] = { faces: loadedFaces(), pdfkitLoaded: pdfkitLoaded(), signature: Buffer.from(bytes).subarray(0, 4).toString('latin1') };
  }
  process.stdout.write(JSON.stringify(reports));
}
void main();
`;

let dir = '';
let bundle = '';

beforeAll(async () => {
  // The bundle sits under the project so Node finds node_modules (and the fonts) as out/node does.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, 'minnes-lazy-fonts-'));
  writeFileSync(join(dir, 'entry.ts'), ENTRY);
  bundle = join(dir, 'entry.cjs');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(dir, 'entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exports `input` to each format in turn, in one fresh process; what that process reported after each. */
function exportInFreshProcess(input: string, ...formats: string[]): Partial<Record<string, Report>> {
  const out = mkdtempSync(join(dir, 'out-'));
  const reports = JSON.parse(run(process.execPath, bundle, input, out, ...formats)) as Record<string, Omit<Report, 'file'>>;
  return Object.fromEntries(Object.entries(reports).map(([f, r]) => [f, { ...r, file: join(out, `out.${f}`) }]));
}

/** Embedded fonts as face ids: "ABCDEF+NotoSansArabic-Regular" → "arabic-regular". */
function embeddedFaces(pdf: string): string[] {
  const scripts: Record<string, string> = {
    NotoSans: 'latin',
    NotoSansArabic: 'arabic',
    NotoSansHebrew: 'hebrew',
    NotoSansDevanagari: 'devanagari',
    NotoSansBengali: 'bengali',
    NotoSansTamil: 'tamil',
    NotoSansEthiopic: 'ethiopic',
    NotoSansSC: 'cjk',
    NotoEmoji: 'emoji',
  };
  const weights: Record<string, string> = { Regular: 'regular', Bold: 'bold', Italic: 'italic', BoldItalic: 'boldItalic' };
  return run('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((row) => {
      const m = /^[A-Z]{6}\+(\w+)-(\w+)\s/.exec(row);
      if (!m) throw new Error(`unexpected pdffonts row: ${row}`);
      return `${scripts[m[1]!] ?? m[1]}-${weights[m[2]!] ?? m[2]}`;
    })
    .sort();
}

describe('font files are read only when a PDF needs the face', () => {
  it('a DOCX of minutes with Arabic, Hebrew, Chinese and emoji names reads no font and never loads pdfkit', () => {
    const { docx } = exportInFreshProcess(fixture, 'docx');
    expect(docx?.signature).toBe('PK\u0003\u0004');
    expect(docx?.faces).toEqual([]);
    expect(docx?.pdfkitLoaded).toBe(false);
  });

  it('the PDF afterwards parses exactly the faces it embeds, each once', () => {
    const { docx, pdf } = exportInFreshProcess(fixture, 'docx', 'pdf');
    expect(docx?.faces).toEqual([]);
    expect(pdf?.signature).toBe('%PDF');
    expect(pdf?.pdfkitLoaded).toBe(true);
    const embedded = embeddedFaces(pdf?.file ?? '');
    expect(embedded).toEqual(expect.arrayContaining(['latin-regular', 'arabic-regular', 'hebrew-regular', 'cjk-regular', 'emoji-regular']));
    expect([...(pdf?.faces ?? [])].sort()).toEqual(embedded);
    expect(new Set(pdf?.faces).size).toBe(pdf?.faces.length);
  });

  it('a Swedish-only PDF parses no face of another script', () => {
    const { pdf } = exportInFreshProcess(join(root, 'test', 'fixtures', 'samrad-2026-06-09.txt'), 'pdf');
    const faces = pdf?.faces ?? [];
    expect(faces).toContain('latin-regular');
    expect(faces.filter((f) => !f.startsWith('latin-'))).toEqual([]);
    expect([...faces].sort()).toEqual(embeddedFaces(pdf?.file ?? ''));
  });
});
