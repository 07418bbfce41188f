import { DEFAULT_HOST, parseRunArgs, parseTrialArgs, parseUserAddArgs, ServerUsageError, type Role, type ServerConfig } from './config';
import { openDatabase, type Log } from './db';
import { startLocalPostgres } from './local-postgres';
import { startTeamServer } from './team-server';
import { addUser } from './users';

/**
 * `minnes server …`: the team server's own entry point. It runs on plain Node and never imports
 * the app shell, the renderer or the local store (test/architecture.test.ts checks).
 */
export type ServerIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
};

export { ServerUsageError };

/** Resolves on SIGINT or SIGTERM: the server then stores what it holds and stops. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** What a person is told with a new sign-in code. */
function codeText(name: string, role: Role, code: string, expiresAt: Date): string {
  return (
    `${name} (${role}): inloggningskod ${code}\n` +
    `Gäller en gång, till ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Skriv in den i Minnes under ”Logga in på teamserver…” eller ”Dela med teamet…”.\n`
  );
}

async function userAdd(args: string[], io: ServerIo): Promise<number> {
  const { databaseUrl, name, role } = parseUserAddArgs(args, io.env);
  const pool = await openDatabase(databaseUrl, (line) => io.stderr(`minnes server: ${line}\n`));
  try {
    const { code, expiresAt } = await addUser(pool, name, role);
    io.stdout(codeText(name, role, code, expiresAt));
    return 0;
  } finally {
    await pool.end();
  }
}

/** Runs the team server until `until` resolves; `started` runs once it listens (and it is closed if that fails). */
async function serve(
  config: ServerConfig,
  io: ServerIo,
  until: () => Promise<unknown>,
  started?: (log: Log) => Promise<void>,
): Promise<number> {
  const log = (line: string): void => io.stderr(`minnes server: ${line}\n`);
  // The last line of defence for "the server keeps running": a rejection no hook caught is
  // logged, never the end of the process (Node's default), while every client keeps its socket.
  const onRejection = (e: unknown): void => log(`unexpected error (the server keeps running): ${e instanceof Error ? e.stack : String(e)}`);
  process.on('unhandledRejection', onRejection);
  try {
    const server = await startTeamServer({ ...config, log });
    try {
      io.stdout(`Minnes teamserver: ${server.url} (api ${server.url}/api, websocket ${server.syncUrl})\n`);
      if (config.host !== '127.0.0.1' && !config.tls) log('warning: listening beyond this machine without TLS; give --cert and --key');
      await started?.(log);
      await until();
      log('stopping: storing open sections');
    } finally {
      await server.close();
    }
    return 0;
  } finally {
    process.off('unhandledRejection', onRejection);
  }
}

/**
 * `minnes server trial`: a PostgreSQL of its own in the data folder and the team server over it,
 * on this machine only. The first run (no one in the database yet) adds a sekreterare and shows
 * its code; every run says how to add more people. On a signal the server stops, then PostgreSQL.
 */
async function trial(args: string[], io: ServerIo, until: () => Promise<unknown>): Promise<number> {
  const { dataDir, port } = parseTrialArgs(args, io.env);
  // Listening from the start: a Ctrl+C while PostgreSQL starts still stops it once it is up.
  const stopped = until();
  io.stdout(`Startar PostgreSQL i ${dataDir} …\n`);
  const postgres = await startLocalPostgres(dataDir, { env: io.env });
  try {
    const config: ServerConfig = { databaseUrl: postgres.url, port, host: DEFAULT_HOST, tls: null };
    return await serve(
      config,
      io,
      () => stopped,
      async (log) => {
        const pool = await openDatabase(postgres.url, log);
        try {
          const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
          io.stdout(`PostgreSQL: ${postgres.url} (data i ${dataDir}, kvar till nästa start)\n`);
          if (rows[0]?.n === 0) {
            const { code, expiresAt } = await addUser(pool, 'Sekreterare', 'sekreterare');
            io.stdout(codeText('Sekreterare', 'sekreterare', code, expiresAt));
          }
        } finally {
          await pool.end();
        }
        io.stdout(
          `Lägg till fler (i ett annat fönster, medan provet körs): minnes server user add "<namn>" --role rapportör --database ${postgres.url}\n` +
            'Ctrl+C stoppar både teamservern och PostgreSQL.\n',
        );
      },
    );
  } finally {
    io.stderr('minnes server: stopping PostgreSQL\n');
    postgres.stop();
  }
}

/**
 * Runs `minnes server` with the arguments after `server`; returns the exit status. Wrong usage
 * throws ServerUsageError; a database or port that cannot be used is one line on stderr, exit 1.
 */
export async function serverMain(args: string[], io: ServerIo, until: () => Promise<unknown> = untilSignal): Promise<number> {
  try {
    if (args[0] === 'user') {
      if (args[1] !== 'add') throw new ServerUsageError(`unknown: server user ${args[1] ?? ''} (try: server user add "<name>" --role …)`);
      return await userAdd(args.slice(2), io);
    }
    if (args[0] === 'trial') return await trial(args.slice(1), io, until);
    return await serve(parseRunArgs(args, io.env), io, until);
  } catch (e) {
    if (e instanceof ServerUsageError) throw e;
    io.stderr(`minnes server: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
