import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `minnes` as a user starts it (bin/minnes.cjs, npx), and what each command's bundle contains:
 * the cold start depends on never loading the PDF, SQLite or Lexical's dev build where not needed.
 */

const root = join(__dirname, '..');
const BIN = join(root, 'bin', 'minnes.cjs');
const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

type Import = { path: string; kind: string; external?: boolean };
type Output = { imports: Import[]; inputs: Record<string, unknown>; entryPoint?: string };
let outputs: Record<string, Output> = {};
const readMetafile = () =>
  (JSON.parse(readFileSync(join(root, 'out', 'node', 'cli-meta.json'), 'utf8')) as { outputs: Record<string, Output> }).outputs;

beforeAll(async () => {
  await run(process.execPath, [BIN, '--version'], { cwd: root }); // rebuilds when stale, like any first run
  outputs = readMetafile();
}, 120_000);

/** The output file holding a source module (a command, or a writer reached through import()). */
function chunkOf(source: string): string {
  const found = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === source || Object.hasOwn(outputs[o]!.inputs, source));
  if (!found) throw new Error(`no chunk holds ${source}`);
  return found;
}

/** Every file a run loads when it reaches these chunks: their static imports, transitively (import() is not followed). */
function loaded(...sources: string[]): { inputs: string[]; externals: string[] } {
  const seen = new Set<string>();
  const todo = ['out/node/cli.cjs', ...sources.map(chunkOf)];
  const externals = new Set<string>();
  while (todo.length > 0) {
    const o = todo.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of outputs[o]!.imports) {
      if (i.external) externals.add(i.path);
      else if (i.kind === 'import-statement') todo.push(i.path);
    }
  }
  return { inputs: [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs)), externals: [...externals] };
}

const packages = (inputs: string[]) => [...new Set(inputs.flatMap((i) => i.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []))];

describe('minnes as a command', () => {
  it('prints its version from bin/minnes.cjs', async () => {
    const { stdout } = await run(process.execPath, [BIN, '--version'], { cwd: root });
    expect(stdout).toBe(`minnes ${pkg.version}\n`);
  });

  it('renders the seed to DOCX and PDF from the bundles, pdfkit finding its data files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minnes-bin-'));
    try {
      const seed = join(root, 'test', 'fixtures', 'samrad-2026-06-09.txt');
      for (const out of ['x.docx', 'x.pdf']) await run(process.execPath, [BIN, 'render', seed, '--out', join(dir, out)], { cwd: dir });
      expect(readFileSync(join(dir, 'x.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
      expect(readFileSync(join(dir, 'x.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as `npx minnes` in the checkout', async () => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const { stdout } = await run(npx, ['--no-install', 'minnes', '--version'], { cwd: root });
    expect(stdout).toBe(`minnes ${pkg.version}\n`);
  });

  it('loads no dependency for --version: only the launcher, the dispatcher and its own small chunks', async () => {
    const script = `process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--version'];
      process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));
      require(${JSON.stringify(BIN)});`;
    let stderr = '';
    // A run that had to rebuild first (a source changed meanwhile) loads esbuild: try again.
    for (let attempt = 0; attempt < 3 && !stderr.startsWith('['); attempt++)
      stderr = (await run(process.execPath, ['-e', script], { cwd: root })).stderr;
    const files = (JSON.parse(stderr) as string[]).map((f) => f.slice(root.length + 1).replaceAll('\\', '/'));
    const built = readMetafile(); // the build this run used
    expect(files).toContain('out/node/cli.cjs');
    expect(
      files.filter((f) => !/^(bin\/minnes\.cjs|scripts\/build-stamp\.cjs|out\/node\/cli\.cjs|out\/node\/cli\/[\w-]+\.cjs)$/.test(f)),
    ).toEqual([]);
    expect(packages(files.filter((f) => f.startsWith('out/')).flatMap((f) => Object.keys(built[f]!.inputs)))).toEqual([]);
  });
});

describe('what each command bundle loads (esbuild metafile)', () => {
  it('render → DOCX loads neither pdfkit, fonts, better-sqlite3 nor a development build of Lexical', () => {
    const { inputs, externals } = loaded('src/main/cli/commands/render.ts', 'src/main/core/export/docx-writer.ts');
    expect(inputs).toContain('src/main/core/export/docx-writer.ts');
    expect(inputs).not.toContain('src/main/core/export/pdf-writer.ts');
    expect(externals.filter((e) => /^(pdfkit|fontkit|better-sqlite3|@expo-google-fonts)/.test(e))).toEqual([]);
    expect(packages(inputs).filter((p) => /^(pdfkit|fontkit|brotli)$/.test(p))).toEqual([]);
    expect(inputs.filter((i) => /lexical.*\.dev\.js$/.test(i))).toEqual([]);
    expect(packages(inputs)).toContain('lexical'); // bundled, so it is compiled once, as ESM
  });

  it('no bundle holds a development build of Lexical, or more than the locales Zod needs', () => {
    const all = Object.values(outputs).flatMap((o) => Object.keys(o.inputs));
    expect(all.filter((i) => /\.dev\.js$/.test(i))).toEqual([]);
    expect(all.filter((i) => /^node_modules\/zod\/v4\/locales\/(?!(en|sv)\.js$)/.test(i))).toEqual([]);
  });

  it('list and search load neither docx, pdfkit nor Lexical', () => {
    for (const command of ['list', 'search']) {
      const { inputs, externals } = loaded(`src/main/cli/commands/${command}.ts`);
      expect(
        packages(inputs).filter((p) => /^(docx|@lexical|lexical|marked|mammoth|linkedom)/.test(p)),
        command,
      ).toEqual([]);
      expect(
        externals.filter((e) => /^(pdfkit|fontkit|@expo-google-fonts)/.test(e)),
        command,
      ).toEqual([]);
    }
  });

  it('list loads no zod either: opening the store needs no schema', () => {
    expect(packages(loaded('src/main/cli/commands/list.ts').inputs)).not.toContain('zod');
  });
});

describe('compile cache', () => {
  it('survives a damaged cache file: the command runs, and the file is written anew', async () => {
    const chunk = chunkOf('src/main/cli/commands/list.ts');
    const cache = join(root, 'out', 'node', 'cli', 'cache', `${chunk.split('/').pop()!}.v8`);
    const dir = mkdtempSync(join(tmpdir(), 'minnes-cache-'));
    try {
      mkdirSync(dirname(cache), { recursive: true });
      writeFileSync(cache, 'not a V8 code cache');
      const { stdout } = await run(process.execPath, [BIN, 'list', '--db', join(dir, 'a.sqlite')], { cwd: root });
      expect(stdout).toBe('No documents.\n');
      expect(readFileSync(cache, 'utf8')).not.toBe('not a V8 code cache');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('never uses a cache made for another build of a chunk: each cache names the mtime and size it was made for', async () => {
    const chunk = join(root, chunkOf('src/main/cli/commands/list.ts'));
    const cache = join(root, 'out', 'node', 'cli', 'cache', `${chunk.split('/').pop()!}.v8`);
    const dir = mkdtempSync(join(tmpdir(), 'minnes-cache-'));
    try {
      const list = () => run(process.execPath, [BIN, 'list', '--db', join(dir, 'a.sqlite')], { cwd: root });
      await list();
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(chunk, hourAgo, hourAgo); // as a rebuild would leave it, content aside
      expect((await list()).stdout).toBe('No documents.\n');
      const header = readFileSync(cache);
      expect([header.readDoubleLE(0), header.readDoubleLE(8)]).toEqual([statSync(chunk).mtimeMs, statSync(chunk).size]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('build stamp (scripts/build-stamp.cjs)', () => {
  const { stampFresh, writeStamp } = createRequire(__filename)('../scripts/build-stamp.cjs') as {
    stampFresh: (root: string, name: string) => boolean;
    writeStamp: (root: string, name: string, inputs: string[], outputs: string[], startedAt: number) => void;
  };

  it('is fresh until a listed file changes its mtime, either way, or goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minnes-stamp-'));
    try {
      mkdirSync(join(dir, 'out', 'node'), { recursive: true });
      for (const f of ['a.ts', 'b.ts', 'out/node/x.cjs']) writeFileSync(join(dir, f), f);
      expect(stampFresh(dir, 'cli')).toBe(false); // no stamp yet
      writeStamp(dir, 'cli', ['a.ts', 'b.ts'], ['out/node/x.cjs'], Date.now() + 1000);
      expect(stampFresh(dir, 'cli')).toBe(true);
      utimesSync(join(dir, 'a.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1)); // older, as a copy or checkout can make it
      expect(stampFresh(dir, 'cli')).toBe(false);
      writeStamp(dir, 'cli', ['a.ts', 'b.ts'], ['out/node/x.cjs'], Date.now() + 1000);
      rmSync(join(dir, 'out/node/x.cjs'));
      expect(stampFresh(dir, 'cli')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('records an input that changed while the build ran as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minnes-stamp-'));
    try {
      mkdirSync(join(dir, 'out', 'node'), { recursive: true });
      writeFileSync(join(dir, 'a.ts'), 'a');
      writeStamp(dir, 'cli', ['a.ts'], [], Date.now() - 60_000); // the build started before a.ts was written
      expect(stampFresh(dir, 'cli')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
