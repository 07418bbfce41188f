import type { Handlers } from '../../shared/contract';
import type { Db } from './db';
import * as documents from './documents-repo';
import { APP_VERSION } from './version';

export type CoreContext = {
  db: Db;
  dbPath: string;
  host: 'electron' | 'browser';
};

/** The one handler table: Electron's IPC and the browser host both serve exactly this. */
export function createHandlers(ctx: CoreContext): Handlers {
  const { db } = ctx;
  return {
    appInfo: () => ({ version: APP_VERSION, dbPath: ctx.dbPath, host: ctx.host }),
    listDocuments: (input) => documents.listDocuments(db, input),
    createDocument: (input) => documents.createDocument(db, { title: input.title ?? 'Namnlöst dokument' }),
    getDocument: (input) => documents.getDocumentSummary(db, input.id),
  };
}
