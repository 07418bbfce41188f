import { useEffect, useState } from 'react';
import { JobProgress } from '../components/JobProgress';
import type { ExportFormatName } from '../../../shared/contract';
import { api, base64ToBlob, errorMessage } from '../api';
import { saveExportedFile } from '../lib/save-file';
import { Dialog } from '../components/Dialog';

type Props = { id: string; beforeExport: () => Promise<void>; canPackage: boolean };

/** Exportera DOCX/PDF and Förhandsgranska: always from what is saved, so the draft is flushed first. */
export function ExportControls({ id, beforeExport, canPackage }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; path?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ url: string; size: number } | null>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  const run = async (label: string, fn: () => Promise<void>) => {
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
    run(format === 'zip' ? 'Skapar diariepaket…' : `Exporterar ${format.toUpperCase()}…`, async () => {
      setMessage(await saveExportedFile(id, format));
    });

  const showPreview = () =>
    run('Skapar förhandsgranskning…', async () => {
      const file = await api.exportDocument({ id, format: 'pdf' });
      const blob = base64ToBlob(file.dataBase64, 'application/pdf');
      setPreview({ url: URL.createObjectURL(blob), size: blob.size });
      if (file.notice) setMessage({ text: file.notice });
    });

  return (
    <>
      <div className="export-controls" role="group" aria-label="Export">
        <button type="button" disabled={!!busy} onClick={() => void showPreview()}>
          Förhandsgranska
        </button>
        <button type="button" disabled={!!busy} onClick={() => void exportAs('docx')}>
          Exportera DOCX
        </button>
        <button type="button" disabled={!!busy} onClick={() => void exportAs('pdf')}>
          Exportera PDF
        </button>
        {canPackage && (
          <button
            type="button"
            disabled={!!busy}
            onClick={() => void exportAs('zip')}
            title="E-ARK-paket (FGS 2.0) för diariet: PDF/A, DOCX, ERMS och PREMIS"
          >
            Diariepaket
          </button>
        )}
        {busy && (
          <span className="busy" role="progressbar" aria-label={busy}>
            {busy}
          </span>
        )}
        <JobProgress active={!!busy} kinds={['export', 'package']} />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && (
        <p className="notice ok" role="status" aria-label="Exportresultat">
          {message.text}{' '}
          {message.path && (
            <button
              type="button"
              onClick={() => void api.showInFolder({ path: message.path! }).catch((e: unknown) => setError(errorMessage(e)))}
            >
              Visa i mapp
            </button>
          )}
        </p>
      )}
      {preview && (
        <Dialog title="Förhandsgranskning" onClose={() => setPreview(null)}>
          <iframe
            className="preview"
            title="Förhandsgranskning av PDF"
            src={preview.url}
            data-type="application/pdf"
            data-size={preview.size}
          />
          <div className="actions">
            <a href={preview.url} download="forhandsgranskning.pdf">
              Spara PDF
            </a>
            <button type="button" onClick={() => setPreview(null)}>
              Stäng
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
