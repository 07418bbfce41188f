import { useEffect, useState } from 'react';
import { MAX_IMPORT_BYTES, type Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { JobProgress } from '../components/JobProgress';
import { fileToBase64 } from '../lib/files';

/** "Importera": Markdown, text laid out like the ministry's minutes, or a Word file. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (id: string) => void }) {
  const [templates, setTemplates] = useState<Output<'listTemplates'>>([]);
  const [file, setFile] = useState<File | null>(null);
  const [templateKey, setTemplateKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the import wants the user to know (text it could not split into the template's
  // sections): shown before the document opens, so it is not missed.
  const [done, setDone] = useState<{ id: string; notices: string[] } | null>(null);
  useEffect(() => {
    api.listTemplates({}).then(setTemplates, () => undefined);
  }, []);
  const run = async () => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError('Filen är för stor (högst 20 MB).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const doc = await api.importDocument({
        fileName: file.name,
        dataBase64: await fileToBase64(file),
        ...(templateKey ? { templateKey } : {}),
      });
      if (doc.notices?.length) setDone({ id: doc.id, notices: doc.notices });
      else onImported(doc.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <Dialog title="Importerat" onClose={() => onImported(done.id)}>
        {done.notices.map((n) => (
          <p key={n} className="notice" role="status">
            {n}
          </p>
        ))}
        <DialogFooter
          error={null}
          onCancel={onClose}
          primaryLabel="Öppna dokumentet"
          onPrimary={() => onImported(done.id)}
          disabled={false}
        />
      </Dialog>
    );
  }
  return (
    <Dialog title="Importera minnesanteckningar" onClose={onClose}>
      <label className="field">
        Fil (.md, .txt eller .docx)
        <input type="file" accept=".md,.markdown,.txt,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label className="field">
        Mall
        <select value={templateKey} onChange={(e) => setTemplateKey(e.target.value)}>
          <option value="">Ingen mall – ett fritt avsnitt (eller mallen i filens huvud)</option>
          {templates.map((t) => (
            <option key={t.key} value={t.key}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <JobProgress active={busy} kinds={['import']} />
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={busy ? 'Importerar…' : 'Importera'}
        onPrimary={() => void run()}
        disabled={!file || busy}
      />
    </Dialog>
  );
}
