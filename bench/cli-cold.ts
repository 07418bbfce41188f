import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fmt, median } from './stats';

/** One line of the bench table: what, the figure, and how it compares. */
export type Row = [string, string, string];

/** The checkout: this file runs from bench/ (source) or out/node/ (bundled into bench.cjs). */
export function findRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'bin', 'minnes.cjs'))) return dir;
  throw new Error('bin/minnes.cjs not found above the bench');
}

/** The seed the issue measures: ../shared/fixtures when the shared folder is there, else the tests' copy (the same text). */
function seedFile(root: string): string {
  const shared = join(root, '..', 'shared', 'fixtures', 'samrad-2026-06-09.txt');
  return existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'samrad-2026-06-09.txt');
}

type Case = { name: string; cmd: string; args: string[] };
type Timed = { times: number[]; error?: string };

function runOnce(c: Case, cwd: string): { ms: number; error?: string } {
  const t0 = performance.now();
  const r = spawnSync(c.cmd, c.args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  const ms = performance.now() - t0;
  if (r.error) return { ms, error: r.error.message };
  if (r.status !== 0) return { ms, error: `exit ${r.status}: ${String(r.stderr).trim().split('\n')[0] ?? ''}` };
  return { ms };
}

/**
 * Whole processes, the way a user starts them, each case once per round and the rounds
 * alternating, so that a noisy machine slows all cases alike; one untimed round first fills
 * the page cache, the build and the CLI's compile cache (and pandoc's equivalent, the page cache).
 */
function alternate(cases: Case[], runs: number, cwd: string): Timed[] {
  const out: Timed[] = cases.map(() => ({ times: [] }));
  for (const [i, c] of cases.entries()) {
    const warm = runOnce(c, cwd);
    if (warm.error) out[i]!.error = warm.error;
  }
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of cases.entries()) {
      if (out[i]!.error) continue;
      const t = runOnce(c, cwd);
      if (t.error) out[i]!.error = t.error;
      else out[i]!.times.push(t.ms);
    }
  }
  return out;
}

const figure = (t: Timed) =>
  t.error ? `not measured (${t.error})` : `median ${fmt(median(t.times))} ms, min ${fmt(Math.min(...t.times))} ms`;
const ratio = (t: Timed, base: Timed) => (t.error || base.error ? NaN : median(t.times) / median(base.times));
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
const verdict = (x: number, limit: number) => (Number.isFinite(x) ? (x <= limit ? 'met' : 'NOT met') : 'n/a');

/**
 * `minnes` cold starts against `node -e 0` and pandoc, measured in one run. `store` is a
 * database (the caller generates 50,000 documents) for `search` and `list --limit 20`;
 * without it those rows say so.
 */
export async function benchCliCold(store?: string, runs = 7): Promise<Row[]> {
  const root = findRoot();
  const seed = seedFile(root);
  const dir = mkdtempSync(join(tmpdir(), 'minnes-bench-cli-'));
  const node = process.execPath;
  const minnes = (...args: string[]): Case => ({ name: `minnes ${args[0]}`, cmd: node, args: [join(root, 'bin', 'minnes.cjs'), ...args] });
  try {
    const cases: Case[] = [
      { name: 'node -e 0', cmd: node, args: ['-e', '0'] },
      minnes('--version'),
      minnes('render', seed, '--out', join(dir, 'minnes.docx')),
      { name: 'pandoc', cmd: 'pandoc', args: [seed, '-f', 'markdown', '-o', join(dir, 'pandoc.docx')] },
      minnes('render', seed, '--out', join(dir, 'minnes.pdf')),
      ...(store ? [minnes('search', 'återkoppling', '--db', store), minnes('list', '--limit', '20', '--db', store)] : []),
    ];
    const [base, version, docx, pandoc, pdf, search, list] = alternate(cases, Math.max(5, runs), root) as [Timed, ...Timed[]];
    const rows: Row[] = [
      ['CLI cold: node -e 0', figure(base), 'the floor: Node starting and exiting, same run'],
      [
        'CLI cold: minnes --version',
        figure(version!),
        `${times(ratio(version!, base))} node -e 0; target ≤ 1.3× (${verdict(ratio(version!, base), 1.3)})`,
      ],
      [
        'CLI cold: minnes render seed → DOCX',
        `${figure(docx!)}; pandoc ${figure(pandoc!)}`,
        `${times(ratio(docx!, pandoc!))} pandoc, ${times(ratio(docx!, base))} node -e 0; target ≤ 1.5× pandoc (${verdict(ratio(docx!, pandoc!), 1.5)}), stretch ≤ 1× (${verdict(ratio(docx!, pandoc!), 1)})`,
      ],
      ['CLI cold: minnes render seed → PDF', figure(pdf!), `${times(ratio(pdf!, base))} node -e 0`],
    ];
    if (store && search && list) {
      rows.push(['CLI cold: minnes search återkoppling', figure(search), `${times(ratio(search, base))} node -e 0; store ${store}`]);
      rows.push([
        'CLI cold: minnes list --limit 20',
        figure(list),
        `${times(ratio(list, base))} node -e 0; target ≤ 1.5× (${verdict(ratio(list, base), 1.5)}); store ${store}`,
      ]);
    } else {
      rows.push(['CLI cold: minnes search, list --limit 20', 'not measured', 'no store given to benchCliCold']);
    }
    rows.push(launcherOverhead(root, node, Math.max(3, Math.ceil(runs / 2))));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `npx minnes` and `npm run minnes --` add on top of `node bin/minnes.cjs` (npm itself starting). */
function launcherOverhead(root: string, node: string, runs: number): Row {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const [direct, viaNpx, viaRun] = alternate(
    [
      { name: 'direct', cmd: node, args: [join(root, 'bin', 'minnes.cjs'), '--version'] },
      { name: 'npx', cmd: npx, args: ['--no-install', 'minnes', '--version'] },
      { name: 'npm run', cmd: npm, args: ['run', '--silent', 'minnes', '--', '--version'] },
    ],
    runs,
    root,
  ) as [Timed, Timed, Timed];
  const extra = (t: Timed) =>
    t.error || direct.error ? `n/a (${t.error ?? direct.error})` : `+${fmt(median(t.times) - median(direct.times))} ms`;
  return [
    'CLI launchers: npx minnes, npm run minnes --',
    `npx ${extra(viaNpx)}, npm run ${extra(viaRun)}`,
    `over node bin/minnes.cjs --version (${direct.error ? 'n/a' : `${fmt(median(direct.times))} ms`}), medians of ${runs}`,
  ];
}
