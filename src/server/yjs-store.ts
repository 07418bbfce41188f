import type { Pool } from 'pg';
import * as Y from 'yjs';
import { describeDbError, transaction, type Log } from './db';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Yjs state of each section in PostgreSQL (table yjs_documents), for Hocuspocus's Database
 * extension.
 *
 * fetch throws when the database cannot be read: Hocuspocus then refuses the connection and the
 * client tries again, where treating it as an empty section would later store that emptiness.
 *
 * store never throws (a rejected store would be an unhandled rejection in Hocuspocus's debounce
 * timer, which ends the process): it keeps trying until PostgreSQL answers. While it tries,
 * Hocuspocus keeps the document in memory, so what was typed is not lost when the database is
 * away for a while. Only when the server is closing does it give up after a few tries; the
 * clients still hold every change and send it again when they reconnect.
 */
export class YjsStore {
  private closing = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    private readonly log: Log,
    private readonly retry = { firstMs: 100, maxMs: 5_000, triesWhenClosing: 3 },
  ) {}

  async fetch(name: string): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ state: Buffer }>('SELECT state FROM yjs_documents WHERE name = $1', [name]);
    const state = rows[0]?.state;
    return state ? new Uint8Array(state) : null;
  }

  store(name: string, state: Uint8Array): Promise<void> {
    const work = this.storeWithRetry(name, state).finally(() => this.pending.delete(work));
    this.pending.add(work);
    return work;
  }

  /** Stops retrying for ever, and waits for the stores under way. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.pending]);
  }

  private async storeWithRetry(name: string, state: Uint8Array): Promise<void> {
    let delay = this.retry.firstMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.write(name, state);
        if (attempt > 1) this.log(`saved ${name} after ${attempt} attempts`);
        return;
      } catch (e) {
        if (this.closing && attempt >= this.retry.triesWhenClosing) {
          this.log(`could not save ${name} before closing (${describeDbError(e)}); its clients send it again when they reconnect`);
          return;
        }
        if (attempt === 1) this.log(`cannot save ${name} yet (${describeDbError(e)}); retrying until the database answers`);
        await sleep(this.closing ? this.retry.firstMs : delay);
        delay = Math.min(delay * 2, this.retry.maxMs);
      }
    }
  }

  /**
   * Merges with what is stored instead of overwriting it: if two server processes ever hold the
   * same section (one still closing while the next has started), neither erases the other's edits.
   * The advisory lock serialises writers of one name, including the very first insert.
   */
  private async write(name: string, state: Uint8Array): Promise<void> {
    await transaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      const { rows } = await client.query<{ state: Buffer }>('SELECT state FROM yjs_documents WHERE name = $1', [name]);
      const stored = rows[0]?.state;
      const merged = stored ? Y.mergeUpdates([new Uint8Array(stored), state]) : state;
      await client.query(
        `INSERT INTO yjs_documents (name, state) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [name, Buffer.from(merged)],
      );
    });
  }
}
