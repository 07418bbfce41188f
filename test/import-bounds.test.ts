import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionContent } from '../src/shared/content';
import { MAX_LIST_DEPTH } from '../src/shared/limits';
import { listDepth, type JsonNode } from './support/list-depth';
import { renderText } from '../src/shared/i18n/catalogue';
import type { MessageText } from '../src/shared/i18n/format';

/**
 * Hostile imports in a child process of their own (test/support/bounds-child.ts, bundled with
 * esbuild), so the peak RSS asserted is the import's and nothing else's. Each case checks the
 * outcome's shape (flattened with every word, or refused with a Swedish message) and the memory;
 * time is printed for the report, not asserted.
 */

type Outcome = {
  ok: boolean;
  code?: string;
  name?: string;
  message?: string;
  notices?: MessageText[];
  words?: string[];
  sections?: SectionContent[];
  inputBytes: number;
  ms: number;
  rssMB: number;
};

// One bundle for the whole file (useTmpDir's folders last one test).
let bundleDir = '';
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'minnes-bounds-'));
  await build({
    entryPoints: [join(__dirname, 'support', 'bounds-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: join(bundleDir, 'child.cjs'),
    logLevel: 'warning',
  });
});

function runChild(...args: string[]): Outcome {
  const r = spawnSync(process.execPath, [join(bundleDir, 'child.cjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const outcome = JSON.parse(r.stdout.trim()) as Outcome;
  console.log(
    `[bounds] ${args.join(' ')}: ${outcome.ok ? 'imported' : `refused (${outcome.code})`}, input ${outcome.inputBytes} B, ${outcome.ms} ms, peak RSS ${outcome.rssMB} MB`,
  );
  return outcome;
}

describe('deeply nested Markdown', () => {
  describe.each(['bullets', 'numbers', 'quotes', 'one-line', 'quoted-list'])('%s', (shape) => {
    it.each([300, 3000])('%i levels import flattened, every word kept in order, in bounded memory', (depth) => {
      const r = runChild('markdown', shape, String(depth));
      expect(r.ok, r.message).toBe(true);
      expect(r.notices?.map((n) => renderText('sv', n))).toContain(`Listor djupare än ${MAX_LIST_DEPTH} nivåer har plattats till.`);
      const expected = shape === 'one-line' ? ['ord0'] : Array.from({ length: depth }, (_, d) => `ord${d}`);
      expect(r.words).toEqual(expected);
      for (const s of r.sections ?? []) expect(listDepth(s.state.root as unknown as JsonNode)).toBeLessThanOrEqual(MAX_LIST_DEPTH);
      expect(r.rssMB).toBeLessThan(300);
    });
  });
});

describe('Word zip bombs', () => {
  it.each([
    ['300 MB, sizes declared', '300', ''],
    ['300 MB, directory claims 1 KB', '300', 'lie'],
    ['2 GB, sizes declared', '2048', ''],
    ['2 GB, directory claims 1 KB', '2048', 'lie'],
  ])('%s: refused with a clear message in bounded memory', (_name, megabytes, lie) => {
    const r = runChild('bomb', megabytes, lie);
    expect(r).toMatchObject({ ok: false, name: 'MinnesError', code: 'docx_too_large' });
    expect(r.message).toMatch(/^Word-filen packas upp till mer än 50 MB/);
    expect(r.rssMB).toBeLessThan(200);
  });

  it('a Word file just within the limit (40 MB unpacked) still imports', () => {
    const r = runChild('bomb', '40');
    expect(r.ok, r.message).toBe(true);
    expect(r.words).toEqual(['ord0']);
  });

  it('more than 2,000 parts is refused; 1,990 is not', () => {
    expect(runChild('parts', '2001')).toMatchObject({
      ok: false,
      code: 'docx_too_many_parts',
      message: expect.stringMatching(/fler än 2000 delar/),
    });
    expect(runChild('parts', '1990')).toMatchObject({ ok: true, words: ['ord0'] });
  });
});
