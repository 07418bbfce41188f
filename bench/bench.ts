import { benchAutosave } from './autosave';
import { benchExport } from './export';
import { benchSearch } from './search';
import { fmt } from './stats';
import { benchTyping } from './typing';

/** `npm run bench`: figures, not tests. Each row is measured in this run, medians of several runs. */
async function main(): Promise<void> {
  const rows: Array<[string, string, string]> = [];
  const summary: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const log = (s: string) => process.stderr.write(`${s}\n`);

  const ratio = (ours: number, theirs: number | null) => (theirs ? `1/${(theirs / ours).toFixed(0)}` : 'n/a');
  log('export vs pandoc and LibreOffice…');
  const ex = await benchExport();
  for (const c of ex.cases) {
    rows.push([
      `DOCX export, ${c.name}`,
      `${fmt(c.docxMs)} ms vs pandoc ${fmt(c.pandocMs ?? NaN)} ms`,
      `ratio ${ratio(c.docxMs, c.pandocMs)}; target ≤ 1/10`,
    ]);
    rows.push([
      `PDF export, ${c.name}`,
      `${fmt(c.pdfMs)} ms vs LibreOffice ${fmt(c.libreofficeMs ?? NaN)} ms`,
      `ratio ${ratio(c.pdfMs, c.libreofficeMs)}; ${c.pages ?? '?'} PDF pages; target ≤ 1/20`,
    ]);
  }
  for (const c of ex.cases) {
    const docxRatio = c.pandocMs ? c.docxMs / c.pandocMs : NaN;
    const pdfRatio = c.libreofficeMs ? c.pdfMs / c.libreofficeMs : NaN;
    summary.push(`DOCX ${c.name} ${ratio(c.docxMs, c.pandocMs)} pandoc (${verdict(docxRatio <= 0.1)})`);
    summary.push(`PDF ${c.name} ${ratio(c.pdfMs, c.libreofficeMs)} LibreOffice (${verdict(pdfRatio <= 0.05)})`);
  }
  const big = ex.cases.find((c) => c.name.includes('100'));
  if (big) {
    rows.push(['100-page export, DOCX + PDF', `${fmt(big.docxMs + big.pdfMs)} ms`, 'target < 1000 ms']);
    summary.push(`100 pages ${fmt(big.docxMs + big.pdfMs)} ms (${verdict(big.docxMs + big.pdfMs < 1000)})`);
  }
  rows.push([
    'CLI cold start (render seed → DOCX)',
    `${fmt(ex.cold.cliMs)} ms vs pandoc ${fmt(ex.cold.pandocMs ?? NaN)} ms`,
    `ratio ${ex.cold.pandocMs ? (ex.cold.cliMs / ex.cold.pandocMs).toFixed(1) : 'n/a'}× pandoc (whole process each)`,
  ]);

  log('autosave (100 pages)…');
  const a = await benchAutosave();
  rows.push([
    'autosave, 100-page document (core write)',
    `median ${fmt(a.median)} ms, p95 ${fmt(a.p95)} ms`,
    `${(a.bytes / 1e6).toFixed(1)} MB JSON; target p95 < 10 ms`,
  ]);
  summary.push(`autosave p95 ${fmt(a.p95)} ms (${verdict(a.p95 < 10)})`);

  log('typing (100 pages, Chromium)…');
  try {
    const t = await benchTyping();
    rows.push([
      'typing, per key, 100-page document (Chromium)',
      `median ${fmt(t.median)} ms, p95 ${fmt(t.p95)} ms`,
      `${t.keys} keys into ${t.chars} characters; target < 16 ms`,
    ]);
    summary.push(`typing p95 ${fmt(t.p95)} ms/key (${verdict(t.p95 < 16)})`);
  } catch (e) {
    rows.push([
      'typing, per key, 100-page document (Chromium)',
      'not measured',
      e instanceof Error ? e.message.split('\n')[0]! : String(e),
    ]);
  }

  log('search (10,000 minutes) vs ripgrep…');
  const sr = await benchSearch();
  rows.push([
    'search p95 over 10,000 minutes vs ripgrep',
    `p50 ${fmt(sr.p50)} ms, p95 ${fmt(sr.p95)} ms; rg p50 ${fmt(sr.rg?.p50 ?? NaN)} ms, p95 ${fmt(sr.rg?.p95 ?? NaN)} ms`,
    sr.rg
      ? `p95 ${(sr.p95 / sr.rg.p95).toFixed(2)}× rg (${(sr.rg.p95 / sr.p95).toFixed(0)}× faster); ${sr.queries} queries of 1–2 words, ${(sr.words / 1e6).toFixed(1)}M words; target p95 < 20 ms`
      : `${sr.rgError ?? 'ripgrep not run'}; target p95 < 20 ms`,
  ]);

  summary.push(
    `search p95 ${fmt(sr.p95)} ms${sr.rg ? `, ${(sr.rg.p95 / sr.p95).toFixed(0)}× faster than ripgrep` : ''} (${verdict(sr.p95 < 20)})`,
  );
  summary.push(`CLI cold start ${ex.cold.pandocMs ? (ex.cold.cliMs / ex.cold.pandocMs).toFixed(1) : '?'}× pandoc`);

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  const line = (r: [string, string, string]) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`;
  process.stdout.write(`${line(['measurement', 'result', 'notes'])}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(`summary: ${summary.join('; ')}\n`);
}

void main();
