import { cpus, loadavg } from 'node:os';
import { benchAutosave } from './autosave';
import { benchCliCold, type Row } from './cli-cold';
import { benchExport } from './export';
import { benchPdfPages } from './pdf-pages';
import { benchFirstPaint, rendererBundleSize } from './renderer';
import { benchSearch, generatedStore } from './search';
import { benchSpell } from './spell';
import { fmt } from './stats';
import { benchStoreScale } from './store-scale';
import { benchTeamSync } from './team-sync';
import { benchTyping } from './typing';

/**
 * `npm run bench`: figures, not tests. Every peer comparison is paired in the same run (alternating
 * runs, medians); each row says its target and whether it is met. The machine is shared, so the
 * load is printed with the figures.
 */
const log = (s: string) => process.stderr.write(`${s}\n`);
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores`;

async function attempt(name: string, fn: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await fn();
  } catch (e) {
    return [[name, 'not measured', e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)]];
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [['system', load(), `Node ${process.version}; at start`]];
  const ratio = (ours: number, theirs: number | null) => (theirs ? `1/${(theirs / ours).toFixed(0)}` : 'n/a');

  for (const docs of [10_000, 50_000]) {
    log(`store with ${docs} documents (generated once, then cached)…`);
    const { file } = generatedStore(docs);
    const s = benchStoreScale(file);
    rows.push([`open store, ${docs} documents (in process)`, `${fmt(s.openMs)} ms`, 'median of 7; no whole-file check on a clean store']);
    rows.push([
      `documents list, first page, ${docs} documents`,
      `p95 ${fmt(s.firstPageP95)} ms, median ${fmt(s.firstPageMedian)} ms`,
      `${s.rows} rows; target < 20 ms (${verdict(s.firstPageP95 < 20)})`,
    ]);
    log(`search over ${docs}…`);
    const sr = await benchSearch(docs);
    rows.push([
      `search p95, ${docs} documents`,
      `p50 ${fmt(sr.p50)} ms, p95 ${fmt(sr.p95)} ms`,
      `${sr.queries} queries of 1–2 words, ${(sr.words / 1e6).toFixed(1)}M words; target < 20 ms (${verdict(sr.p95 < 20)})`,
    ]);
    rows.push([
      `first search after an autosave, ${docs} documents`,
      `p95 ${fmt(sr.afterSaveP95)} ms`,
      `20 save+search pairs; target < 20 ms (${verdict(sr.afterSaveP95 < 20)})`,
    ]);
    rows.push([
      `ripgrep over the same ${docs} texts`,
      sr.rg ? `one process per query: p50 ${fmt(sr.rg.p50)} ms, p95 ${fmt(sr.rg.p95)} ms` : (sr.rgError ?? 'not run'),
      sr.rgBatchPerQuery !== null
        ? `one process over the whole batch: ${fmt(sr.rgBatchPerQuery)} ms per query (OR of all words, a lower bound)`
        : 'batch not run',
    ]);
    if (docs === 50_000) {
      log('CLI cold starts (whole processes, alternating)…');
      rows.push(...(await attempt('CLI cold starts', () => benchCliCold(file))));
    }
  }

  log('PDF per page at 100 and 1,000 pages…');
  rows.push(
    ...(await attempt('PDF per page', async () => {
      const p = await benchPdfPages();
      const growth = p.at1000.msPerPage / p.at100.msPerPage;
      return [
        ['PDF, 100 pages (in process)', `${fmt(p.at100.ms)} ms, ${fmt(p.at100.msPerPage)} ms/page`, `${p.at100.pages} pages`],
        [
          'PDF, 1,000 pages (in process)',
          `${fmt(p.at1000.ms)} ms, ${fmt(p.at1000.msPerPage)} ms/page`,
          `${p.at1000.pages} pages; target < 3000 ms (${verdict(p.at1000.ms < 3000)}) and ms/page ≤ 1.1× at 100: ${growth.toFixed(2)}× (${verdict(growth <= 1.1)})`,
        ],
      ];
    })),
  );

  log('export vs pandoc and LibreOffice…');
  const ex = await benchExport();
  for (const c of ex.cases) {
    rows.push([
      `DOCX export, ${c.name}`,
      `${fmt(c.docxMs)} ms vs pandoc ${fmt(c.pandocMs ?? NaN)} ms`,
      `ratio ${ratio(c.docxMs, c.pandocMs)}`,
    ]);
    rows.push([
      `PDF export, ${c.name}`,
      `${fmt(c.pdfMs)} ms vs LibreOffice ${fmt(c.libreofficeMs ?? NaN)} ms`,
      `ratio ${ratio(c.pdfMs, c.libreofficeMs)}; ${c.pages ?? '?'} PDF pages`,
    ]);
  }

  log('autosave (100 pages)…');
  const a = await benchAutosave();
  rows.push([
    'autosave, 100-page document (core write)',
    `median ${fmt(a.median)} ms, p95 ${fmt(a.p95)} ms`,
    `${(a.bytes / 1e6).toFixed(1)} MB JSON; target p95 < 10 ms (${verdict(a.p95 < 10)})`,
  ]);

  log('renderer bundle and first paint (Chromium)…');
  const b = rendererBundleSize();
  rows.push([
    'renderer JS, gzipped',
    `first view ${(b.firstViewGzipBytes / 1024).toFixed(0)} KB, all ${(b.totalGzipBytes / 1024).toFixed(0)} KB`,
    `target < 180 KB for the first view (${verdict(b.firstViewGzipBytes < 180 * 1024)})`,
  ]);
  rows.push(
    ...(await attempt('first paint (Chromium)', async () => {
      const f = await benchFirstPaint();
      return [
        ['first paint, documents list (Chromium)', `${fmt(f.listMs)} ms`, `median of ${f.runs} cold loads`],
        [
          'first paint, open 100-page document (Chromium)',
          `${fmt(f.doc100Ms)} ms`,
          `median of ${f.runs} cold loads; target < 800 ms (${verdict(f.doc100Ms < 800)})`,
        ],
      ];
    })),
  );
  rows.push(
    ...(await attempt('typing (Chromium)', async () => {
      const t = await benchTyping();
      return [
        [
          'typing, per key, 100-page document (Chromium)',
          `median ${fmt(t.median)} ms, p95 ${fmt(t.p95)} ms`,
          `${t.keys} keys into ${t.chars} characters; target < 16 ms (${verdict(t.p95 < 16)})`,
        ],
      ];
    })),
  );
  log('spell-check (100 pages, Hunspell in WebAssembly)…');
  rows.push(...(await attempt('spell-check', benchSpell)));
  log('team sync (10 clients, real server and PostgreSQL, 30 s)…');
  rows.push(...(await attempt('team sync', () => benchTeamSync())));
  rows.push(['system', load(), 'at the end']);

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  const line = (r: Row) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`;
  process.stdout.write(`${line(['measurement', 'result', 'notes'])}\n${rows.map(line).join('\n')}\n`);
}

void main();
