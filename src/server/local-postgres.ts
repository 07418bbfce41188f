import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL 15 of our own in a data folder, for `minnes server trial` and the tests
 * (test/support/postgres.ts): the cluster in <folder>/postgres (made by initdb on first use, trusted
 * local logins, UTF8, superuser postgres), its log in <folder>/postgres.log and its socket in the
 * folder, listening on 127.0.0.1 only, with a database `minnes`. The data stays until the folder
 * is removed, so a stop and a new start carry on where it was.
 */
export type LocalPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/minnes */
  url: string;
  port: number;
  /** Stops the server but keeps its data, to test what happens while the database is gone. */
  pause: () => void;
  /** Starts it again on the same port and data. */
  resume: () => void;
  /** Stops the server (when it runs); the data stays in the folder. */
  stop: () => void;
};

export type LocalPostgresOptions = {
  /** Where to listen; a free port of 127.0.0.1 unless given. */
  port?: number;
  /** MINNES_PG_BIN: the folder with initdb and pg_ctl; else /usr/lib/postgresql/15/bin. */
  env?: NodeJS.ProcessEnv;
};

export const DATABASE = 'minnes';

export async function freePort(): Promise<number> {
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

function pgBin(env: NodeJS.ProcessEnv): { initdb: string; pgCtl: string } {
  const bin = env.MINNES_PG_BIN || '/usr/lib/postgresql/15/bin';
  const initdb = join(bin, 'initdb');
  const pgCtl = join(bin, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    throw new Error(
      `PostgreSQL 15 is not installed (no initdb/pg_ctl in ${bin}): run \`bash scripts/install-system-deps.sh\` ` +
        '(apt package postgresql-15) or set MINNES_PG_BIN to the folder that has them',
    );
  }
  return { initdb, pgCtl };
}

/** One line, whatever a tool printed: errors here end up as one line of `minnes server`. */
const oneLine = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' | ');

/** For the shell that pg_ctl starts the postmaster with (its -o options are not quoted by it). */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** What the postmaster said last when it failed to start: the reason is in its log, not in pg_ctl's output. */
function logReason(logFile: string): string {
  if (!existsSync(logFile)) return '';
  const lines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(-20);
  const reason = lines.filter((l) => /\b(FATAL|ERROR|PANIC):/.test(l)).pop() ?? lines.pop();
  return reason ? ` (log: ${reason.trim()})` : '';
}

export async function startLocalPostgres(folder: string, options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const { initdb, pgCtl } = pgBin(options.env ?? process.env);
  // PostgreSQL refuses to run as root; as root (in CI, containers) the cluster belongs to the
  // postgres user and every binary runs through runuser. As anyone else it runs as that user.
  const asRoot = process.getuid?.() === 0;
  const data = join(folder, 'postgres');
  const logFile = join(folder, 'postgres.log');
  const as = (bin: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const run = (bin: string, args: string[]): void => {
    const [cmd, argv] = as(bin, args);
    try {
      execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const out = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`${bin} ${args[args.length - 1]} failed: ${oneLine(out) || (e instanceof Error ? e.message : String(e))}`);
    }
  };
  /** pg_ctl status: 0 runs, 3 does not run, 4 no cluster. */
  const running = (): boolean => {
    const [cmd, argv] = as(pgCtl, ['-D', data, 'status']);
    try {
      execFileSync(cmd, argv, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };

  mkdirSync(folder, { recursive: true });
  if (asRoot) {
    execFileSync('chown', ['postgres:postgres', folder]);
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-w', folder, '-a', '-x', folder], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `PostgreSQL runs as the user postgres, which cannot use ${folder} (a folder above it, like /root, is closed to other users): ` +
          'choose a data folder it can reach, e.g. --data /var/lib/minnes-team-trial',
      );
    }
  }
  if (existsSync(join(data, 'PG_VERSION')) && running()) {
    const stopCmd = [...(asRoot ? ['runuser -u postgres --'] : []), pgCtl, '-D', shellQuote(data), 'stop'].join(' ');
    throw new Error(`PostgreSQL already runs in ${data} (another trial, or one that was killed): stop it with ${stopCmd}`);
  }
  const port = options.port ?? (await freePort());
  // -l: without a log file the postmaster keeps our stdout pipe open and execFileSync never returns.
  const start = (): void => {
    try {
      run(pgCtl, ['-D', data, '-l', logFile, '-o', `-p ${port} -k ${shellQuote(folder)} -c listen_addresses=127.0.0.1`, '-w', 'start']);
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}${logReason(logFile)}`);
    }
  };
  const halt = (): void => run(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);

  if (!existsSync(join(data, 'PG_VERSION'))) {
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  }
  start();
  try {
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (e) {
    halt();
    throw new Error(`cannot create the database ${DATABASE}: ${e instanceof Error ? e.message : String(e)}`);
  }

  let up = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`,
    port,
    pause: () => {
      halt();
      up = false;
    },
    resume: () => {
      start();
      up = true;
    },
    stop: () => {
      if (up) halt();
      up = false;
    },
  };
}
