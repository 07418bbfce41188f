import type { ExportFormatName } from '../../../shared/contract';
import { api, base64ToBlob, isDesktop } from '../api';
import { hostMessage, t } from '../i18n/i18n';

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Saved = { text: string; path?: string } | null;

/** Exports through the host: a native save dialog on the desktop, a download in the browser. */
export async function saveExportedFile(id: string, format: ExportFormatName): Promise<Saved> {
  if (isDesktop) {
    const { path, notice, noticeText } = await api.saveExport({ id, format });
    return path ? { text: withNotice(t('documents.export.savedTo', { path }), hostMessage(noticeText, notice)), path } : null;
  }
  const file = await api.exportDocument({ id, format });
  downloadBlob(base64ToBlob(file.dataBase64, file.mimeType), file.fileName);
  return { text: withNotice(t('documents.export.downloaded', { name: file.fileName }), hostMessage(file.noticeText, file.notice)) };
}

/** The result line, followed by what the PDF could not draw, if anything. */
export function withNotice(text: string, notice: string | undefined): string {
  return notice ? `${text} ${notice}` : text;
}
