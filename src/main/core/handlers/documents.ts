import { DEFAULT_TEMPLATE_KEY } from '../../../shared/template';
import * as documents from '../documents-repo';
import * as store from '../document-store';
import { userError } from '../errors';
import { storeImport } from '../import-document';
import { runHeavy } from '../jobs/heavy';
import { createFromTemplate } from '../new-document';
import { searchDocuments } from '../search';
import { LIST_PAGE_SIZE, listDocumentPage } from '../store/list-page';
import { getTemplate, listTemplates } from '../templates/template-repo';
import { APP_VERSION } from '../version';
import type { CoreContext, HandlerGroup } from './context';
import { renderText } from '../../../shared/i18n/catalogue';

function decodeBase64(data: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw userError('bad_file', 'errors.file.badTransfer');
  return Buffer.from(data, 'base64');
}

type Keys =
  | 'appInfo'
  | 'listTemplates'
  | 'getTemplate'
  | 'listDocuments'
  | 'listDocumentPage'
  | 'createDocument'
  | 'getDocument'
  | 'saveDocument'
  | 'renameDocument'
  | 'duplicateDocument'
  | 'trashDocument'
  | 'restoreDocument'
  | 'importDocument'
  | 'searchDocuments';

/** Documents: create, open, autosave, rename, duplicate, trash, import, search. */
export function documentHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  const summary = (id: string) => documents.getDocumentSummary(ctx.db, id);
  return {
    appInfo: () => ({ version: APP_VERSION, dbPath: ctx.dbPath, host: ctx.host }),
    listTemplates: () => listTemplates(ctx.db),
    getTemplate: (input) => getTemplate(ctx.db, input.key, input.version),
    listDocuments: (input) => documents.listDocuments(ctx.db, { trash: input.trash ?? false }),
    listDocumentPage: (input) => listDocumentPage(ctx.db, { ...input, limit: input.limit ?? LIST_PAGE_SIZE }),
    createDocument: (input) => createFromTemplate(ctx.db, input.templateKey ?? DEFAULT_TEMPLATE_KEY, input.metadata),
    getDocument: (input) => store.loadDocument(ctx.db, input.id),
    saveDocument: (input) => {
      store.saveDocument(ctx.db, input.id, { metadata: input.metadata, content: input.content });
      return summary(input.id);
    },
    renameDocument: (input) => {
      const doc = store.loadDocument(ctx.db, input.id);
      store.saveDocument(ctx.db, input.id, { metadata: { ...doc.metadata, title: input.title } });
      return summary(input.id);
    },
    duplicateDocument: (input) => summary(store.duplicateDocument(ctx.db, input.id).id),
    trashDocument: (input) => {
      store.setTrashed(ctx.db, input.id, true);
      return summary(input.id);
    },
    restoreDocument: (input) => {
      store.setTrashed(ctx.db, input.id, false);
      return summary(input.id);
    },
    importDocument: async (input) => {
      const data = decodeBase64(input.dataBase64);
      // Parsing runs off this thread; only the short insert happens here, after the job has finished.
      const task = { kind: 'import', data, fileName: input.fileName, templateKey: input.templateKey, series: input.series } as const;
      const doc = storeImport(ctx.db, await runHeavy(ctx, task));
      const notices = doc.notices ?? [];
      return { ...summary(doc.id), notices: notices.map((n) => renderText('sv', n)), noticeTexts: notices };
    },
    searchDocuments: (input) => searchDocuments(ctx.db, input.query, { limit: input.limit ?? 20 }),
  };
}
