import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Db } from '../../src/main/core/db';
import { openStore } from '../../src/main/core/store';
import { createHandlers, type CoreContext } from '../../src/main/core/handlers';
import { JobRunner, type JobBudget } from '../../src/main/core/jobs/runner';
import { startWebHost, type RunningHost } from '../../src/main/web/server';

export const TOKEN = 'tok-123456';

export type Reply = { status: number; headers: IncomingHttpHeaders; body: string };
export type CallOptions = { method?: string; headers?: Record<string, string>; body?: string };

/**
 * A real browser host on 127.0.0.1 and a free port, over a real store, with a small renderer
 * folder (a page and a script) and a secret file next to it; closed after each test.
 */
export type HostJobs = { script: string; budget?: Partial<JobBudget> };

export function useWebHost(tmp: () => string): { start: (jobs?: HostJobs) => Promise<RunningHost>; db: () => Db | undefined } {
  let host: RunningHost | undefined;
  let db: Db | undefined;
  const runners: CoreContext[] = [];
  afterEach(async () => {
    for (const ctx of runners.splice(0)) ctx.jobs?.cancelAll();
    await host?.close();
    host = undefined;
    db?.close();
    db = undefined;
  });
  /** With `jobs`, heavy calls run in the worker as in the real browser host (web-host.ts). */
  const start = async (jobs?: HostJobs) => {
    const dir = tmp();
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Minnes</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(dir, 'secret.txt'), 'hemligt');
    const dbPath = join(dir, 'm.sqlite');
    db = openStore(dbPath);
    const ctx: CoreContext = { db, dbPath, host: 'browser' };
    if (jobs) ctx.jobs = new JobRunner({ script: jobs.script, dbPath: () => dbPath, budget: jobs.budget });
    runners.push(ctx);
    host = await startWebHost({ handlers: createHandlers(ctx), rendererDir, token: TOKEN, port: 0 });
    return host;
  };
  return { start, db: () => db };
}

export function call(port: number, path: string, opts: CallOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
