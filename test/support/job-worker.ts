import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

/**
 * A TypeScript entry bundled for a child process or worker, as scripts/build-node.mjs builds the
 * shipped ones (dependencies external, marked bundled). Written under node_modules so that the
 * bundle resolves pdfkit, better-sqlite3 and the fonts as the real one does.
 */
export async function bundleForTest(entry: string, name: string): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'minnes-test');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.cjs`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n !== 'marked');
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: names.flatMap((n) => [n, `${n}/*`]),
    logLevel: 'warning',
  });
  return outfile;
}

/** The browser host's job worker, built from source. */
export const buildJobWorker = (): Promise<string> => bundleForTest('src/main/core/jobs/worker-main.ts', 'job-worker');
