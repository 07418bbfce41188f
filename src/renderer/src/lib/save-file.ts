import type { ExportFormatName } from '../../../shared/contract';
import { api, base64ToBlob, isDesktop } from '../api';

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
    const { path } = await api.saveExport({ id, format });
    return path ? { text: `Exporterat till ${path}`, path } : null;
  }
  const file = await api.exportDocument({ id, format });
  downloadBlob(base64ToBlob(file.dataBase64, file.mimeType), file.fileName);
  return { text: `${file.fileName} har laddats ned.` };
}
