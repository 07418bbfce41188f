import { Database } from '@hocuspocus/extension-database';
import {
  Hocuspocus,
  type Connection,
  type Extension,
  type beforeHandleMessagePayload,
  type onAuthenticatePayload,
} from '@hocuspocus/server';
import type { Pool } from 'pg';
import { describeDbError, type Log } from './db';
import { Refusal, sectionAccess } from './documents';
import { MALFORMED_CLOSE_CODE, messageProblem } from './guard';
import { parseSectionName, type SectionName } from './names';
import { userByToken, type User } from './users';
import type { YjsStore } from './yjs-store';

/** What the server knows about one client's connection to one section, after onAuthenticate. */
export type Session = SectionName & { user: User };

/**
 * How Hocuspocus refuses a connection: it sends `reason` to the client as a permission-denied
 * message (the provider's authenticationFailed). A plain object, not an Error, so Hocuspocus
 * does not log every refused sign-in as a server error; we log them ourselves.
 */
type Denial = { reason: string };

export const BAD_TOKEN_REASON = 'Ogiltig eller utgången inloggning: logga in igen med en ny kod från sekreteraren.';
export const DATABASE_DOWN_REASON = 'Servern når inte sin databas just nu; försök igen om en stund.';

function sessionOf(connection: Connection): Session | null {
  const c: unknown = connection.context;
  if (typeof c !== 'object' || c === null) return null;
  const { user, documentId, section } = c as Partial<Session>;
  return user && typeof documentId === 'string' && typeof section === 'string' ? { user, documentId, section } : null;
}

// The close reason of a websocket may be at most 123 bytes (RFC 6455).
const closeReason = (text: string): string =>
  Buffer.from(text, 'utf8')
    .subarray(0, 123)
    .toString('utf8')
    .replace(/\uFFFD$/, '');

export type Sync = {
  hocuspocus: Hocuspocus;
  /** Re-applies the access rules to the open connections of one document (after a status change or a new assignment). */
  refreshAccess: (documentId: string) => Promise<void>;
};

export function createSync(pool: Pool, store: YjsStore, log: Log, timing: { debounceMs: number; maxDebounceMs: number }): Sync {
  const deny = (documentName: string, reason: string): Denial => {
    log(`refused ${documentName}: ${reason}`);
    return { reason };
  };

  const access: Extension = {
    extensionName: 'minnes-access',
    // The token is the only way in; the rules are the server's, whatever the client claims.
    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<Session> {
      const name = parseSectionName(documentName);
      if (!name) throw deny(documentName, 'okänt dokumentnamn (väntade minutes/<dokument-id>/<avsnitt>)');
      let user: User | null;
      let may: 'write' | 'read';
      try {
        user = typeof token === 'string' ? await userByToken(pool, token) : null;
        if (!user) throw deny(documentName, BAD_TOKEN_REASON);
        may = await sectionAccess(pool, user, name.documentId, name.section);
      } catch (e) {
        if (e instanceof Refusal) throw deny(documentName, e.message);
        if (e instanceof Error) throw deny(documentName, `${DATABASE_DOWN_REASON} (${describeDbError(e)})`);
        throw e;
      }
      connectionConfig.readOnly = may === 'read';
      return { ...name, user };
    },

    // Before Hocuspocus applies anything: a client that sends what is not Yjs is cut off, so a
    // broken or hostile client cannot damage a section that others are writing in.
    async beforeHandleMessage({ update, connection, documentName }: beforeHandleMessagePayload): Promise<void> {
      const problem = messageProblem(update);
      if (!problem) return;
      log(`closed a connection to ${documentName}: ${problem}`);
      connection.webSocket.close(MALFORMED_CLOSE_CODE, closeReason(problem));
      throw { code: MALFORMED_CLOSE_CODE, reason: closeReason(problem) };
    },
  };

  const database = new Database({
    fetch: async ({ documentName }) => store.fetch(documentName),
    store: async ({ documentName, state }) => store.store(documentName, state),
  });

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: timing.debounceMs,
    maxDebounce: timing.maxDebounceMs,
    extensions: [access, database],
  });

  async function refreshAccess(documentId: string): Promise<void> {
    for (const document of hocuspocus.documents.values()) {
      if (parseSectionName(document.name)?.documentId !== documentId) continue;
      for (const { connection } of document.connections.values()) {
        const session = sessionOf(connection);
        if (!session) continue;
        const readOnly = (await sectionAccess(pool, session.user, documentId, session.section).catch(() => 'read' as const)) === 'read';
        if (connection.readOnly === readOnly) continue;
        connection.readOnly = readOnly;
        // The provider learns its scope only when it signs in; this tells an open editor now.
        connection.sendStateless(JSON.stringify({ type: 'access', readOnly }));
      }
    }
  }

  return { hocuspocus, refreshAccess };
}
