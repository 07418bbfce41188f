import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/server/local-postgres';

/**
 * `minnes server trial` as people run it: the built CLI as a child process, over a real
 * PostgreSQL 15 of its own in the data folder, stopped with a signal and started again.
 */

const CLI = join(__dirname, '..', 'out', 'node', 'cli.cjs');

type Run = { child: ChildProcess; stdout: string; stderr: () => string; exited: Promise<number | null> };

let dir = '';
let port = 0;
let current: Run | null = null;

/** Starts the trial and waits for its last line ("Ctrl+C stoppar …"). */
function startTrial(): Promise<Run> {
  const child = spawn(process.execPath, [CLI, 'server', 'trial', '--data', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the trial did not start: ${stdout}${stderr}`)), 90_000);
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!stdout.includes('Ctrl+C')) return;
      clearTimeout(timer);
      current = { child, stdout, stderr: () => stderr, exited };
      ok(current);
    });
    void exited.then((code) => fail(new Error(`the trial exited ${code}: ${stdout}${stderr}`)));
  });
}

async function stopTrial(run: Run): Promise<number | null> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  const code = await run.exited;
  current = null;
  return code;
}

const portOpen = (p: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port: p, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const pgPortOf = (stdout: string): number => Number(/--database postgres:\/\/postgres@127\.0\.0\.1:(\d+)\/minnes/.exec(stdout)?.[1]);
const me = (token: string) => fetch(`http://127.0.0.1:${port}/api/me`, { headers: { Authorization: `Bearer ${token}` } });

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'minnes-trial-'));
  port = await freePort();
});

afterAll(async () => {
  if (current) await stopTrial(current);
  // Should a run have died without stopping its PostgreSQL, it is stopped here (SIGINT: fast shutdown).
  const pidFile = join(dir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    } catch {
      // not running
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('minnes server trial', () => {
  let token = '';
  let pgPort = 0;

  it('starts PostgreSQL and the team server, and the first run shows a code for Sekreterare that signs in', async () => {
    const run = await startTrial();
    expect(run.stdout).toContain(`Minnes teamserver: http://127.0.0.1:${port}`);
    pgPort = pgPortOf(run.stdout);
    expect(pgPort).toBeGreaterThan(0);
    expect(run.stdout).toContain('minnes server user add "<namn>" --role rapportör --database postgres://');
    const code = /Sekreterare \(sekreterare\): inloggningskod (\S+)/.exec(run.stdout)?.[1];
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const res = await fetch(`http://127.0.0.1:${port}/api/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { name: string; role: string } };
    expect(body.user).toMatchObject({ name: 'Sekreterare', role: 'sekreterare' });
    token = body.token;
    expect((await me(token)).status).toBe(200);
  }, 120_000);

  it('stops the server and then PostgreSQL on SIGTERM, exit status 0', async () => {
    const run = current!;
    expect(await stopTrial(run)).toBe(0);
    expect(run.stderr()).not.toMatch(/\n\s+at /); // no stack
    expect(existsSync(join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(await portOpen(port)).toBe(false);
  }, 60_000);

  it('carries on with the same data when started again: no new code, the earlier token still works', async () => {
    const run = await startTrial();
    expect(run.stdout).not.toContain('inloggningskod');
    expect(run.stdout).toContain('--database postgres://');
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Sekreterare', role: 'sekreterare' });
    expect(await stopTrial(run)).toBe(0);
    expect(existsSync(join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
