import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

export type Host = { url: string; origin: string; dbPath: string; dir: string; stop: () => Promise<void> };

/** Starts the real browser host on a free port with its own database folder. */
export async function startHost(dbPath?: string): Promise<Host> {
  const dir = mkdtempSync(join(tmpdir(), 'minnes-e2e-'));
  const db = dbPath ?? join(dir, 'minnes.sqlite');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/node/web-host.cjs'), '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        ok(line.trim());
      }
    });
    child.once('exit', (code) => fail(new Error(`host exited ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dbPath: db,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
