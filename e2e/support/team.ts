import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startPostgres, type TestPostgres } from '../../test/support/postgres';
import { cli } from './cli';
import { ROOT } from './host';

/** A real team server (`minnes server`) over a real PostgreSQL cluster of its own, for two-person tests. */
export type Team = {
  url: string;
  addUser: (name: string, role: 'sekreterare' | 'rapportör') => string;
  /** Stops the server process and starts a new one on the same port and database. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startServer(port: number, database: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'out/node/cli.cjs'), 'server', '--port', String(port), '--database', database], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`team server did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (!d.toString().includes('Minnes teamserver:')) return;
      clearTimeout(timer);
      ok(child);
    });
    child.once('exit', (code) => fail(new Error(`team server exited ${code}: ${stderr}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function startTeam(): Promise<Team> {
  const pg: TestPostgres = await startPostgres();
  const port = await freePort();
  let server = await startServer(port, pg.url);
  return {
    url: `http://127.0.0.1:${port}`,
    addUser: (name, role) => {
      const r = cli(['server', 'user', 'add', name, '--role', role, '--database', pg.url]);
      const code = /inloggningskod (\S+)/.exec(r.stdout)?.[1];
      if (r.code !== 0 || !code) throw new Error(`user add failed: ${r.stderr}`);
      return code;
    },
    restart: async () => {
      await stopServer(server);
      server = await startServer(port, pg.url);
    },
    stop: async () => {
      await stopServer(server);
      pg.stop();
    },
  };
}
