import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './host';

/** Runs the built CLI the way a script would. */
export function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'out/node/cli.cjs'), ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
