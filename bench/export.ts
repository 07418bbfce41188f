import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../src/shared/content';
import { MetadataSchema } from '../src/shared/metadata';
import { renderParts } from '../src/main/core/export-document';
import { importFile } from '../src/main/core/import';
import { generateMinutesMarkdown, HUNDRED_PAGES } from './generate';
import { median, timeRuns } from './stats';

const ROOT = join(__dirname, '..', '..');

/** Markdown → DOCX or PDF in-process: the same path as `minnes render`, without process start. */
async function render(md: string, format: 'docx' | 'pdf'): Promise<Uint8Array> {
  const r = await importFile(Buffer.from(md), 'in.md');
  const content: ContentEnvelope = { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: r.sections };
  return (await renderParts(MetadataSchema.parse(r.metadata), content, null, format)).bytes;
}

function timeCommand(cmd: string, args: string[], runs: number, cwd: string): number[] | null {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore', timeout: 120_000 });
    if (r.error || r.status !== 0) return null;
    times.push(performance.now() - t0);
  }
  return times;
}

export type ExportCase = {
  name: string;
  pages: number | null;
  docxMs: number;
  pdfMs: number;
  pandocMs: number | null;
  libreofficeMs: number | null;
};

export type ColdStart = { cliMs: number; pandocMs: number | null };

export async function benchExport(): Promise<{ cases: ExportCase[]; cold: ColdStart }> {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-bench-export-'));
  try {
    const seed = readFileSync(join(ROOT, 'test/fixtures/samrad-2026-06-09.txt'), 'utf8');
    const inputs = [
      { name: 'seed (3 pages)', md: seed, pages: null, runs: 15 },
      { name: 'generated 100 pages', md: generateMinutesMarkdown(HUNDRED_PAGES), pages: 100, runs: 5 },
    ];
    const cases: ExportCase[] = [];
    for (const input of inputs) {
      const md = join(dir, 'in.md');
      writeFileSync(md, input.md);
      await render(input.md, 'docx'); // warm the code paths once, as a running app would be
      const docxMs = median(await timeRuns(input.runs, () => render(input.md, 'docx')));
      const pdfBytes = await render(input.md, 'pdf');
      const pdfMs = median(await timeRuns(input.runs, () => render(input.md, 'pdf')));
      writeFileSync(join(dir, 'ours.docx'), await render(input.md, 'docx'));
      const pandoc = timeCommand('pandoc', [md, '-o', join(dir, 'pandoc.docx')], Math.min(input.runs, 5), dir);
      const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
      timeCommand('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, 'ours.docx')], 1, dir); // first start builds the profile
      const lo = timeCommand(
        'soffice',
        [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, 'ours.docx')],
        3,
        dir,
      );
      cases.push({
        name: input.name,
        pages: countPages(pdfBytes),
        docxMs,
        pdfMs,
        pandocMs: pandoc && median(pandoc),
        libreofficeMs: lo && median(lo),
      });
    }
    const seedFile = join(ROOT, 'test/fixtures/samrad-2026-06-09.txt');
    const cli = timeCommand(
      process.execPath,
      [join(ROOT, 'out/node/cli.cjs'), 'render', seedFile, '--out', join(dir, 'cli.docx')],
      5,
      dir,
    ) ?? [NaN];
    const pandocCold = timeCommand('pandoc', [seedFile, '-f', 'markdown', '-o', join(dir, 'cold.docx')], 5, dir);
    return { cases, cold: { cliMs: median(cli), pandocMs: pandocCold && median(pandocCold) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function countPages(pdf: Uint8Array): number | null {
  const m = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(Buffer.from(pdf).toString('latin1'));
  return m ? Number(m[1]) : null;
}
