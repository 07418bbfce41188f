import { useEffect, useRef, useState } from 'react';
import { JobProgress } from '../components/JobProgress';
import type { ExportFormatName } from '../../../shared/contract';
import { api, base64ToBlob, errorMessage } from '../api';
import { saveExportedFile } from '../lib/save-file';
import { Dialog } from '../components/Dialog';
import { hostMessage, useT, type Translate } from '../i18n/i18n';

type Props = { id: string; beforeExport: () => Promise<void>; canPackage: boolean };

/** Prints the PDF shown in the preview (the browser's or Electron's PDF viewer prints it as it is). */
function printFrame(frame: HTMLIFrameElement | null): boolean {
  try {
    if (!frame?.contentWindow) return false;
    frame.contentWindow.print();
    frame.dataset.printed = String(Number(frame.dataset.printed ?? 0) + 1);
    return true;
  } catch {
    return false; // a viewer that will not print from here (another origin)
  }
}

/** What is being made, kept as a kind so the busy label follows the UI's language. */
type Busy = ExportFormatName | 'preview' | 'print';

function busyLabel(t: Translate, busy: Busy): string {
  if (busy === 'zip') return t('document.export.busyPackage');
  if (busy === 'print') return t('document.export.busyPrint');
  if (busy === 'preview') return t('document.export.busyPreview');
  return t('document.export.busyFormat', { format: busy.toUpperCase() });
}

/**
 * Exportera DOCX/PDF and Förhandsgranska: always from what is saved, so the draft is flushed first.
 * Ctrl+P makes the PDF and prints it from the preview, instead of printing the editor's screen.
 */
export function ExportControls({ id, beforeExport, canPackage }: Props) {
  const t = useT();
  const cannotPrint = t('document.export.cannotPrint');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<{ text: string; path?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ url: string; size: number } | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printOnLoad = useRef(false);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  // Busy buttons are aria-disabled, not disabled: a disabled button would drop the keyboard's focus on the page.
  const run = async (label: Busy, fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(label);
    setError(null);
    setMessage(null);
    try {
      await beforeExport();
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const exportAs = (format: ExportFormatName) =>
    run(format, async () => {
      setMessage(await saveExportedFile(id, format));
    });

  const showPreview = (print = false) =>
    run(print ? 'print' : 'preview', async () => {
      printOnLoad.current = print;
      // A preview is how one finds what is missing: empty variables are drawn as marked placeholders.
      const file = await api.exportDocument({ id, format: 'pdf', preview: true });
      const blob = base64ToBlob(file.dataBase64, 'application/pdf');
      setPreview({ url: URL.createObjectURL(blob), size: blob.size });
      const notice = hostMessage(file.noticeText, file.notice);
      if (notice) setMessage({ text: notice });
    });

  const latest = useRef({ busy, preview, showPreview, cannotPrint });
  latest.current = { busy, preview, showPreview, cannotPrint };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'p') return;
      e.preventDefault();
      const { busy, preview, showPreview, cannotPrint } = latest.current;
      if (preview && !printFrame(frame.current)) setError(cannotPrint);
      else if (!busy && !document.querySelector('dialog[open]')) void showPreview(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <div className="export-controls" role="group" aria-label={t('document.export.label')}>
        <button
          type="button"
          aria-disabled={!!busy || undefined}
          title={t('document.export.previewTitle')}
          onClick={() => void showPreview()}
        >
          {t('document.export.preview')}
        </button>
        <button type="button" aria-disabled={!!busy || undefined} onClick={() => void exportAs('docx')}>
          {t('document.export.docx')}
        </button>
        <button type="button" aria-disabled={!!busy || undefined} onClick={() => void exportAs('pdf')}>
          {t('document.export.pdf')}
        </button>
        {canPackage && (
          <button
            type="button"
            aria-disabled={!!busy || undefined}
            onClick={() => void exportAs('zip')}
            title={t('document.export.packageTitle')}
          >
            {t('document.export.package')}
          </button>
        )}
        {busy && (
          <span className="busy" role="progressbar" aria-label={busyLabel(t, busy)}>
            {busyLabel(t, busy)}
          </span>
        )}
        <JobProgress active={!!busy} kinds={['export', 'package']} />
      </div>
      {error && !preview && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && (
        <p className="notice ok" role="status" aria-label={t('document.export.result')}>
          {message.text}{' '}
          {message.path && (
            <button
              type="button"
              onClick={() => void api.showInFolder({ path: message.path! }).catch((e: unknown) => setError(errorMessage(e)))}
            >
              {t('document.export.showInFolder')}
            </button>
          )}
        </p>
      )}
      {preview && (
        <Dialog title={t('document.preview.title')} onClose={() => setPreview(null)}>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <a href={preview.url} download="forhandsgranskning.pdf">
              {t('document.preview.save')}
            </a>
            <button type="button" onClick={() => !printFrame(frame.current) && setError(cannotPrint)}>
              {t('document.preview.print')}
            </button>
            <button type="button" data-autofocus onClick={() => setPreview(null)}>
              {t('common.close')}
            </button>
          </div>
          <iframe
            ref={frame}
            className="preview"
            title={t('document.preview.frame')}
            src={preview.url}
            data-type="application/pdf"
            data-size={preview.size}
            onLoad={() => {
              if (!printOnLoad.current) return;
              printOnLoad.current = false;
              if (!printFrame(frame.current)) setError(cannotPrint);
            }}
          />
        </Dialog>
      )}
    </>
  );
}
