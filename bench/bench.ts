import { benchAutosave } from './autosave';
import { fmt } from './stats';
import { benchTyping } from './typing';

/** `npm run bench`: figures, not tests. Each row is measured in this run, medians of several runs. */
async function main(): Promise<void> {
  const rows: Array<[string, string, string]> = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);

  log('autosave (100 pages)…');
  const a = await benchAutosave();
  rows.push([
    'autosave, 100-page document (core write)',
    `median ${fmt(a.median)} ms, p95 ${fmt(a.p95)} ms`,
    `${(a.bytes / 1e6).toFixed(1)} MB JSON; target p95 < 10 ms`,
  ]);

  log('typing (100 pages, Chromium)…');
  try {
    const t = await benchTyping();
    rows.push([
      'typing, per key, 100-page document (Chromium)',
      `median ${fmt(t.median)} ms, p95 ${fmt(t.p95)} ms`,
      `${t.keys} keys into ${t.chars} characters; target < 16 ms`,
    ]);
  } catch (e) {
    rows.push([
      'typing, per key, 100-page document (Chromium)',
      'not measured',
      e instanceof Error ? e.message.split('\n')[0]! : String(e),
    ]);
  }

  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  const line = (r: [string, string, string]) => `${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2]}`;
  process.stdout.write(`${line(['measurement', 'result', 'notes'])}\n${rows.map(line).join('\n')}\n`);
}

void main();
