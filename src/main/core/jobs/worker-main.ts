import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isMinnesError } from '../errors';
import { explainSqliteError } from '../sqlite-errors';
import type { JobReply, JobRequest } from './protocol';
import { needsWritableConnection, runTask } from './tasks';

/**
 * One job per worker: the host spawns it, it answers once and exits, and ending the job is just
 * ending the thread. It opens its own connection to the host's SQLite file (WAL lets it read while
 * the host keeps saving) and never migrates: the host opened and migrated the store first.
 */
async function main(req: JobRequest): Promise<JobReply> {
  const db = new Database(req.dbPath, {
    fileMustExist: true,
    readonly: !needsWritableConnection(req.task),
    ...(req.nativeBinding ? { nativeBinding: req.nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    return { ok: true, value: await runTask(db, req.task) };
  } finally {
    db.close();
  }
}

function toReply(e: unknown): JobReply {
  const known = isMinnesError(e) ? e : explainSqliteError(e);
  if (known) return { ok: false, code: known.code, message: known.message, ...(known.text ? { text: known.text } : {}), known: true };
  return { ok: false, code: 'internal', message: e instanceof Error ? (e.stack ?? e.message) : String(e), known: false };
}

/** Large byte arrays are moved to the host, not copied. */
function transferables(value: unknown): ArrayBuffer[] {
  if (value && typeof value === 'object' && 'bytes' in value && value.bytes instanceof Uint8Array) {
    const buf = value.bytes.buffer;
    if (buf instanceof ArrayBuffer && value.bytes.byteOffset === 0 && value.bytes.byteLength === buf.byteLength) return [buf];
  }
  return [];
}

const port = parentPort;
if (port) {
  main(workerData as JobRequest).then(
    (reply) => port.postMessage(reply, reply.ok ? transferables(reply.value) : []),
    (e: unknown) => port.postMessage(toReply(e)),
  );
}
