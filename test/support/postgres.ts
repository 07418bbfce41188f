import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPostgres, type LocalPostgres } from '../../src/server/local-postgres';

/**
 * A real PostgreSQL 15 for one test file: its own cluster in a temporary folder, on a free port of
 * 127.0.0.1, trusted local logins, removed by stop(). No shared server, so tests never see each
 * other's data and need no setup beyond the apt package (scripts/install-system-deps.sh). The
 * cluster itself is src/server/local-postgres.ts, the same one `minnes server trial` runs.
 */
export type TestPostgres = LocalPostgres;

export async function startPostgres(): Promise<TestPostgres> {
  const base = mkdtempSync(join(tmpdir(), 'minnes-pg-'));
  const remove = (): void => rmSync(base, { recursive: true, force: true });
  let postgres: LocalPostgres;
  try {
    postgres = await startLocalPostgres(base);
  } catch (e) {
    remove();
    throw e;
  }
  return {
    ...postgres,
    /** Stops the server and removes the cluster. */
    stop: () => {
      try {
        postgres.stop();
      } finally {
        remove();
      }
    },
  };
}
