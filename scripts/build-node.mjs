// Bundles the plain-Node entry points (CLI, browser host, bench) with esbuild.
// Dependencies stay external: better-sqlite3 is native and pdfkit reads its own data files.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const nodeEntries = {
  cli: 'src/main/cli.ts',
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

// ESM-only packages are bundled so the CommonJS CLI runs on every Node 20 (require(esm) came late).
const BUNDLED = new Set(['marked']);

function externals() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => !BUNDLED.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

export async function buildNode() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(nodeEntries).filter(([, src]) => existsSync(join(root, src)))),
    outdir: 'out/node',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: externals(),
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

export async function ensureNodeBuild() {
  const outputs = Object.keys(nodeEntries)
    .filter((k) => existsSync(join(root, nodeEntries[k])))
    .map((k) => `out/node/${k}.cjs`);
  if (isStale(outputs, ['src/main', 'src/shared', 'bench'])) {
    process.stderr.write('minnes: building the command line tool…\n');
    await buildNode();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildNode();
}
