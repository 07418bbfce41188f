import { startSearchIndexer } from './core/search-index';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from './core/store';
import { isMinnesError } from './core/errors';
import { autoBackup } from './core/backup';
import { scheduleIdleCheck } from './core/store/check-store';
import { createHandlers, type CoreContext } from './core/handlers';
import { budgetFromEnv } from './core/jobs/budget-env';
import { JobRunner } from './core/jobs/runner';
import { resolveDbPath } from './core/paths';
import { startWebHost } from './web/server';

const USAGE = 'Usage: npm run web -- [--port N] [--db FILE]\n';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, db: { type: 'string' } }, strict: true }));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 5199 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a number from 0 to 65535\n${USAGE}`);
    return 2;
  }
  const rendererDir = resolve(__dirname, '..', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('The renderer is not built: run "npm run build".\n');
    return 1;
  }
  const dbPath = resolve(resolveDbPath(values.db));
  mkdirSync(dirname(dbPath), { recursive: true });
  const ctx: CoreContext = { db: openStore(dbPath), dbPath, host: 'browser' };
  // Built beside this file (scripts/build-node.mjs): heavy calls run there, never on the loop that serves requests.
  ctx.jobs = new JobRunner({ script: join(__dirname, 'job-worker.cjs'), dbPath: () => ctx.dbPath, budget: budgetFromEnv(process.env) });
  void autoBackup(ctx.db, dbPath).catch((e: unknown) => process.stderr.write(`minnes web: automatic backup failed: ${String(e)}\n`));
  scheduleIdleCheck(ctx, (message) => process.stderr.write(`minnes web: ${message}\n`));
  startSearchIndexer(
    () => ctx.db,
    (e) => process.stderr.write(`minnes web: search index: ${String(e)}\n`),
  );
  const token = randomBytes(18).toString('base64url');
  const host = await startWebHost({ handlers: createHandlers(ctx), rendererDir, token, port });
  process.stderr.write(`Minnes (webbläsarläge) – databas: ${dbPath}\nÖppna:\n`);
  process.stdout.write(`${host.url}\n`);
  const stop = () => {
    ctx.jobs?.cancelAll();
    void host.close().finally(() => {
      ctx.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    const msg = isMinnesError(e)
      ? e.message
      : e instanceof Error && 'code' in e && e.code === 'EADDRINUSE'
        ? 'The port is in use: choose another with --port.'
        : String(e);
    process.stderr.write(`minnes web: ${msg}\n`);
    process.exitCode = 1;
  },
);
