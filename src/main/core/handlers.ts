import type { Handlers } from '../../shared/contract';
import { DEFAULT_TEMPLATE_KEY } from '../../shared/template';
import type { Db } from './db';
import * as documents from './documents-repo';
import * as store from './document-store';
import { MinnesError } from './errors';
import { exportStored, MIME } from './export-document';
import { writeFileAtomic } from './files/atomic-write';
import { importIntoStore } from './import-document';
import { createFromTemplate } from './new-document';
import { diffRevisions, getRevision, listRevisions, snapshot } from './revisions';
import { changeStatus, newVersion, restoreRevision } from './workflow';
import { getTemplate, listTemplates } from './templates/template-repo';
import { APP_VERSION } from './version';

/** What only a desktop host can do: native save dialogs and the file manager. */
export type DesktopFiles = {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath: (suggestedName: string, format: 'docx' | 'pdf' | 'zip') => Promise<string | null>;
  showInFolder: (path: string) => void;
};

export type CoreContext = {
  db: Db;
  dbPath: string;
  host: 'electron' | 'browser';
  files?: DesktopFiles;
};

function desktopOnly(): never {
  throw new MinnesError('not_available', 'Det här går bara i skrivbordsappen. I webbläsaren laddas filen ned i stället.');
}

function decodeBase64(data: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new MinnesError('bad_file', 'Filen kunde inte läsas (ogiltig överföring).');
  return Buffer.from(data, 'base64');
}

/** The one handler table: Electron's IPC and the browser host both serve exactly this. */
export function createHandlers(ctx: CoreContext): Handlers {
  const { db } = ctx;
  const summary = (id: string) => documents.getDocumentSummary(db, id);
  // Only files this session wrote may be revealed: the renderer never names arbitrary paths.
  const exported = new Set<string>();
  return {
    appInfo: () => ({ version: APP_VERSION, dbPath: ctx.dbPath, host: ctx.host }),
    listTemplates: () => listTemplates(db),
    getTemplate: (input) => getTemplate(db, input.key, input.version),
    listDocuments: (input) => documents.listDocuments(db, { trash: input.trash ?? false }),
    createDocument: (input) => createFromTemplate(db, input.templateKey ?? DEFAULT_TEMPLATE_KEY, input.metadata),
    getDocument: (input) => store.loadDocument(db, input.id),
    saveDocument: (input) => {
      store.saveDocument(db, input.id, { metadata: input.metadata, content: input.content });
      return summary(input.id);
    },
    renameDocument: (input) => {
      const doc = store.loadDocument(db, input.id);
      store.saveDocument(db, input.id, { metadata: { ...doc.metadata, title: input.title } });
      return summary(input.id);
    },
    duplicateDocument: (input) => summary(store.duplicateDocument(db, input.id).id),
    trashDocument: (input) => {
      store.setTrashed(db, input.id, true);
      return summary(input.id);
    },
    restoreDocument: (input) => {
      store.setTrashed(db, input.id, false);
      return summary(input.id);
    },
    importDocument: async (input) =>
      summary(
        (
          await importIntoStore(db, decodeBase64(input.dataBase64), input.fileName, {
            templateKey: input.templateKey,
            series: input.series,
          })
        ).id,
      ),
    exportDocument: async (input) => {
      const { bytes, fileName } = await exportStored(db, input.id, input.format);
      return { fileName, mimeType: MIME[input.format], dataBase64: Buffer.from(bytes).toString('base64') };
    },
    saveExport: async (input) => {
      const files = ctx.files ?? desktopOnly();
      const { bytes, fileName } = await exportStored(db, input.id, input.format);
      const path = await files.chooseSavePath(fileName, input.format);
      if (!path) return { path: null };
      writeFileAtomic(path, bytes);
      exported.add(path);
      return { path };
    },
    changeStatus: (input) => changeStatus(db, input.id, input),
    newVersion: (input) => newVersion(db, input.id),
    saveVersion: (input) => {
      store.assertEditable(db, input.id);
      snapshot(db, input.id, 'save');
      return listRevisions(db, input.id);
    },
    listRevisions: (input) => listRevisions(db, input.id),
    getRevision: (input) => getRevision(db, input.revisionId),
    diffRevisions: (input) => diffRevisions(db, input.before, input.after),
    restoreRevision: (input) => restoreRevision(db, input.revisionId),
    showInFolder: (input) => {
      const files = ctx.files ?? desktopOnly();
      if (!exported.has(input.path)) throw new MinnesError('forbidden', 'Filen exporterades inte i den här sessionen.');
      files.showInFolder(input.path);
      return {};
    },
  };
}
