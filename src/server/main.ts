import { parseRunArgs, parseUserAddArgs, ServerUsageError } from './config';
import { openDatabase } from './db';
import { startTeamServer, type TeamServer } from './team-server';
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

async function userAdd(args: string[], io: ServerIo): Promise<number> {
  const { databaseUrl, name, role } = parseUserAddArgs(args, io.env);
  const pool = await openDatabase(databaseUrl, (line) => io.stderr(`minnes server: ${line}\n`));
  try {
    const { code, expiresAt } = await addUser(pool, name, role);
    io.stdout(
      `${name} (${role}): inloggningskod ${code}\n` +
        `Gäller en gång, till ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Skriv in den i Minnes under ”Logga in på teamserver…” eller ”Dela med teamet…”.\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
}

async function run(args: string[], io: ServerIo, until: () => Promise<unknown>): Promise<number> {
  const config = parseRunArgs(args, io.env);
  const log = (line: string): void => io.stderr(`minnes server: ${line}\n`);
  // The last line of defence for "the server keeps running": a rejection no hook caught is
  // logged, never the end of the process (Node's default), while every client keeps its socket.
  const onRejection = (e: unknown): void => log(`unexpected error (the server keeps running): ${e instanceof Error ? e.stack : String(e)}`);
  process.on('unhandledRejection', onRejection);
  let server: TeamServer | null = null;
  try {
    server = await startTeamServer({ ...config, log });
    io.stdout(`Minnes teamserver: ${server.url} (api ${server.url}/api, websocket ${server.syncUrl})\n`);
    if (config.host !== '127.0.0.1' && !config.tls) log('warning: listening beyond this machine without TLS; give --cert and --key');
    await until();
    log('stopping: storing open sections');
    await server.close();
    return 0;
  } finally {
    process.off('unhandledRejection', onRejection);
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
    return await run(args, io, until);
  } catch (e) {
    if (e instanceof ServerUsageError) throw e;
    io.stderr(`minnes server: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
