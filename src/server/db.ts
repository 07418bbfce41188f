import pg from 'pg';
import { migrate } from './schema';

export type Log = (line: string) => void;

/**
 * A connection pool to the team's PostgreSQL, migrated. An idle connection that PostgreSQL drops
 * (a restart, a stopped server) is reported on the pool; without a listener that would end the
 * process, so it is logged and the pool reconnects on the next query.
 */
export async function openDatabase(url: string, log: Log): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  pool.on('error', (e) => log(`database connection lost: ${e.message}`));
  try {
    await transaction(pool, migrate);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot use the database: ${describeDbError(e)}`);
  }
  return pool;
}

/** One line for a driver error: what people can act on, not a stack. */
export function describeDbError(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return describeDbError(e.errors[0]);
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ECONNREFUSED') return 'PostgreSQL is not answering (is it running, and is the URL right?)';
    if (code === '3D000') return `${e.message} (create it first: createdb <name>)`;
    if (code === '28P01' || code === '28000') return `${e.message} (check the user and password in the URL)`;
    return e.message || String(code ?? e);
  }
  return String(e);
}

/** Runs `work` in one transaction on one pooled connection. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
