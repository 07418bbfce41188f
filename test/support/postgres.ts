import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real PostgreSQL 15 for one test file: its own cluster in a temporary folder, on a free port of
 * 127.0.0.1, trusted local logins, removed by stop(). No shared server, so tests never see each
 * other's data and need no setup beyond the apt package (scripts/install-system-deps.sh).
 */
export type TestPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/minnes */
  url: string;
  port: number;
  /** Stops the server but keeps its data, to test what happens while the database is gone. */
  pause: () => void;
  /** Starts it again on the same port and data. */
  resume: () => void;
  /** Stops the server and removes the cluster. */
  stop: () => void;
};

const PG_BIN = process.env.MINNES_PG_BIN ?? '/usr/lib/postgresql/15/bin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const initdb = join(PG_BIN, 'initdb');
  const pgCtl = join(PG_BIN, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    throw new Error(
      `PostgreSQL 15 is not installed (no initdb/pg_ctl in ${PG_BIN}): run \`bash scripts/install-system-deps.sh\` ` +
        '(apt package postgresql-15) or set MINNES_PG_BIN to the folder that has them',
    );
  }
  // PostgreSQL refuses to run as root; as root (here and in CI) the cluster belongs to the
  // postgres user and every binary runs through runuser. As anyone else it runs as that user.
  const asRoot = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), 'minnes-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', base]);
  const run = (bin: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
    try {
      execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`${bin} ${args.join(' ')} failed: ${stderr || String(e)}`);
    }
  };
  const data = join(base, 'data');
  const port = await freePort();
  // -l: without a log file the postmaster keeps our stdout pipe open and execFileSync never returns.
  const start = (): void =>
    run(pgCtl, ['-D', data, '-l', join(base, 'log'), '-o', `-p ${port} -k ${base} -c listen_addresses=127.0.0.1`, '-w', 'start']);
  const halt = (): void => run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
  try {
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
    start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE minnes');
    await admin.end();
  } catch (e) {
    try {
      halt();
    } catch {
      // it never started
    }
    rmSync(base, { recursive: true, force: true });
    throw e;
  }
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/minnes`,
    port,
    pause: () => {
      halt();
      running = false;
    },
    resume: () => {
      start();
      running = true;
    },
    stop: () => {
      try {
        if (running) halt();
      } finally {
        running = false;
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
