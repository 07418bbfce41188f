// Bundles the plain-Node entry points with esbuild: the CLI (scripts/build-cli.mjs), the browser
// host and its job worker, and the bench. For the host, worker and bench, dependencies stay external.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli, CLI_ENTRY } from './build-cli.mjs';

const require = createRequire(import.meta.url);
const { stampFresh, writeStamp } = require('./build-stamp.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const nodeEntries = {
  'web-host': 'src/main/web-host.ts',
  // The browser host's worker (src/main/core/jobs): it must sit beside web-host.cjs.
  'job-worker': 'src/main/core/jobs/worker-main.ts',
  bench: 'bench/bench.ts',
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when some output is missing or older than the sources it is built from. */
export function isStale(outputs, sourceDirs) {
  const srcs = sourceDirs.map((d) => join(root, d)).filter(existsSync);
  if (srcs.length === 0) return false; // an installed copy without sources: use what ships
  const newestSrc = Math.max(statSync(join(root, 'package.json')).mtimeMs, ...srcs.map(newestMtime));
  return outputs.some((o) => !existsSync(join(root, o)) || statSync(join(root, o)).mtimeMs < newestSrc);
}

// ESM-only packages are bundled so the CommonJS host runs on every Node 20 (require(esm) came late).
const BUNDLED = new Set(['marked']);

function externals() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => !BUNDLED.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

// Besides the sources esbuild reports: a change to these changes what a build would produce.
// node_modules/.package-lock.json is rewritten by every npm install and npm ci.
const BUILD_INPUTS = ['package.json', 'scripts/build-node.mjs', 'scripts/build-cli.mjs', 'node_modules/.package-lock.json'];

export async function buildNode() {
  const startedAt = Date.now();
  const esbuild = await import('esbuild');
  const entries = Object.entries(nodeEntries).filter(([, src]) => existsSync(join(root, src)));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries),
    outdir: 'out/node',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: externals(),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const cli = existsSync(join(root, CLI_ENTRY)) ? await buildCli(esbuild, root) : null;
  const sources = (meta) => Object.keys(meta.inputs).filter((p) => !p.startsWith('node_modules/'));
  const outputs = Object.keys(result.metafile.outputs);
  writeStamp(
    root,
    'node',
    [...sources(result.metafile), ...(cli?.inputs ?? []), ...BUILD_INPUTS],
    [...outputs, ...(cli?.outputs ?? [])],
    startedAt,
  );
  // bin/minnes.cjs checks only what the CLI is built from, and its dispatcher as the sign of a build.
  if (cli) writeStamp(root, 'cli', [...cli.inputs, ...BUILD_INPUTS], ['out/node/cli.cjs'], startedAt);
}

/** Rebuilds when any file the last build read or wrote has changed since (see scripts/build-stamp.cjs). */
export async function ensureNodeBuild() {
  if (!existsSync(join(root, 'src')) || stampFresh(root, 'node')) return;
  process.stderr.write('minnes: building the command line tool…\n');
  await buildNode();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildNode();
}
