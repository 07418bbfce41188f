import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEnvelopeSchema } from '../src/shared/content';
import { MetadataSchema } from '../src/shared/metadata';
import { loadDocument } from '../src/main/core/document-store';
import { openStore } from '../src/main/core/store';
import { bundleForTest } from './support/job-worker';
import { useTmpDir } from './support/tmp';

/**
 * Nothing reported saved is ever lost, and nothing is ever half written: real processes (the CLI
 * bundle and an autosave worker) write to one database and are killed with SIGKILL at random moments.
 */

const tmp = useTmpDir();
const root = join(__dirname, '..');
const CLI = join(root, 'out', 'node', 'cli.cjs');
let workerScript = '';
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');
const ROUNDS = 25;

// Reproducible when it fails: the seed is in every assertion message.
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
let state = seed;
function random(min: number, max: number): number {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return min + (state / 2 ** 31) * (max - min);
}

const children = new Set<ChildProcess>();
let cliMs = 300; // how long one import takes here, measured below: kills should land before, during and after its write

beforeAll(async () => {
  // The CLI as it ships, rebuilt only when missing or older than the sources (the rule bin/minnes uses).
  const ensure = `await (await import(${JSON.stringify(pathToFileURL(join(root, 'scripts', 'build-node.mjs')).href)})).ensureNodeBuild();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', ensure], { cwd: root });
  workerScript = await bundleForTest('test/support/autosave-worker.ts', 'autosave-worker');
  const started = Date.now();
  await promisify(execFile)(process.execPath, [CLI, 'import', SEED, '--db', join(tmp(), 'calibrate.sqlite')]);
  cliMs = Date.now() - started;
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

type Run = { stdout: string; signal: NodeJS.Signals | null; code: number | null };

/** Starts a process and SIGKILLs it `delayMs` after `startWhen` (spawn, or its first line of output). */
function runAndKill(args: string[], delayMs: number, startWhen: 'spawn' | 'first-line'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs));
    if (startWhen === 'spawn') arm();
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('\n')) arm();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      // Killed is expected; exiting on its own with an error is not (a lock timeout, a crash).
      if (signal === null && code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ stdout, signal, code });
    });
  });
}

/** Only complete lines count: a line cut off by the kill was never fully reported. */
function lines(out: string): string[] {
  return out.split('\n').slice(0, -1);
}

describe('crash safety', () => {
  it(`keeps every reported save through ${ROUNDS} rounds of SIGKILL`, async () => {
    const db = join(tmp(), 'minnes.sqlite');
    const saved = new Map<string, number>(); // worker document → highest save it reported
    const imported: string[] = [];
    let kills = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const [worker, cli] = await Promise.all([
        runAndKill([workerScript, db], random(10, 200), 'first-line'),
        runAndKill([CLI, 'import', SEED, '--db', db], random(10, 2 * cliMs), 'spawn'),
      ]);
      kills += [worker, cli].filter((r) => r.signal === 'SIGKILL').length;
      for (const line of lines(worker.stdout)) {
        const [what, id, n] = line.split(' ');
        if (what === 'created' && id) saved.set(id, Math.max(saved.get(id) ?? 0, 0));
        if (what === 'saved' && id) saved.set(id, Math.max(saved.get(id) ?? 0, Number(n)));
      }
      imported.push(...lines(cli.stdout));
    }

    const why = `seed ${seed}, ${kills} kills, ${imported.length} imports reported`;
    expect(kills, why).toBeGreaterThanOrEqual(ROUNDS); // the worker never ends by itself
    expect(
      [...saved.values()].reduce((a, b) => a + b, 0),
      why,
    ).toBeGreaterThan(ROUNDS);

    const store = openStore(db);
    try {
      expect(store.pragma('integrity_check', { simple: true }), why).toBe('ok');
      const rows = store.prepare('SELECT id, metadata, content FROM documents').all() as Array<{
        id: string;
        metadata: string;
        content: string;
      }>;
      const byId = new Map(rows.map((r) => [r.id, r]));

      // No half-written document: every row parses, whoever wrote it and whenever it was killed.
      for (const row of rows) {
        expect(ContentEnvelopeSchema.safeParse(JSON.parse(row.content)).success, `${row.id}, ${why}`).toBe(true);
        expect(MetadataSchema.safeParse(JSON.parse(row.metadata)).success, `${row.id}, ${why}`).toBe(true);
        expect(() => loadDocument(store, row.id)).not.toThrow();
      }
      for (const id of imported) expect(byId.has(id), `import ${id}, ${why}`).toBe(true);
      for (const [id, n] of saved) {
        const row = byId.get(id);
        expect(row, `worker document ${id}, ${why}`).toBeDefined();
        const theme = Number(MetadataSchema.parse(JSON.parse(row!.metadata)).theme);
        expect(theme, `${id}, ${why}`).toBeGreaterThanOrEqual(n);
        // Metadata and content come from the same committed save, never from two different ones.
        expect(row!.content.match(/Stycke \d+\./g)?.length ?? 0, `${id}, ${why}`).toBe(theme);
      }
    } finally {
      store.close();
    }
  });
});
