import { MIME, undrawableNotice } from '../export-document';
import { userError } from '../errors';
import { writeFileAtomic } from '../files/atomic-write';
import { runHeavy } from '../jobs/heavy';
import { rawContent } from '../store/raw-content';
import { desktopOnly, type CoreContext, type HandlerGroup } from './context';
import { renderText } from '../../../shared/i18n/catalogue';
import type { MessageText } from '../../../shared/i18n/format';

type Keys = 'exportDocument' | 'exportRawContent' | 'saveExport' | 'showInFolder';

/** A notice in Swedish (older callers, logs) and by key (the UI's language). */
function noticeFields(text: MessageText | null): { notice?: string; noticeText?: MessageText } {
  return text ? { notice: renderText('sv', text), noticeText: text } : {};
}

/** Exports: bytes for the browser, a native save dialog and an atomic write on the desktop. */
export function fileHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  // Only files this session wrote may be revealed: the renderer never names arbitrary paths.
  const exported = new Set<string>();
  return {
    exportDocument: async (input) => {
      const task = { kind: 'export', id: input.id, format: input.format, preview: input.preview === true } as const;
      const { bytes, fileName, undrawable } = await runHeavy(ctx, task);
      const notice = noticeFields(undrawableNotice(undrawable));
      return { fileName, mimeType: MIME[input.format], dataBase64: Buffer.from(bytes).toString('base64'), ...notice };
    },
    exportRawContent: (input) => ({ fileName: `dokument-${input.id}.json`, json: rawContent(ctx.db, input.id) }),
    saveExport: async (input) => {
      const files = ctx.files ?? desktopOnly();
      const { bytes, fileName, undrawable } = await runHeavy(ctx, { kind: 'export', id: input.id, format: input.format });
      const path = await files.chooseSavePath(fileName, input.format);
      if (!path) return { path: null };
      writeFileAtomic(path, bytes);
      exported.add(path);
      return { path, ...noticeFields(undrawableNotice(undrawable)) };
    },
    showInFolder: (input) => {
      const files = ctx.files ?? desktopOnly();
      if (!exported.has(input.path)) throw userError('forbidden', 'errors.file.notExported');
      files.showInFolder(input.path);
      return {};
    },
  };
}
