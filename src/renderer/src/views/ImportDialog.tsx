import { useEffect, useState } from 'react';
import { MAX_IMPORT_BYTES, type Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { JobProgress } from '../components/JobProgress';
import { useT } from '../i18n/i18n';
import { fileToBase64 } from '../lib/files';

/** "Importera": Markdown, text laid out like the ministry's minutes, or a Word file. */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (id: string) => void }) {
  const t = useT();
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
      setError(t('documents.import.tooLarge'));
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
      const notices = doc.noticeTexts?.map((n) => t.text(n)) ?? doc.notices ?? [];
      if (notices.length) setDone({ id: doc.id, notices });
      else onImported(doc.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <Dialog title={t('documents.import.done')} onClose={() => onImported(done.id)}>
        {done.notices.map((n) => (
          <p key={n} className="notice" role="status">
            {n}
          </p>
        ))}
        <DialogFooter
          error={null}
          onCancel={onClose}
          primaryLabel={t('documents.import.open')}
          onPrimary={() => onImported(done.id)}
          disabled={false}
        />
      </Dialog>
    );
  }
  return (
    <Dialog title={t('documents.import.title')} onClose={onClose}>
      <label className="field">
        {t('documents.import.file')}
        <input type="file" accept=".md,.markdown,.txt,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label className="field">
        {t('documents.template')}
        <select value={templateKey} onChange={(e) => setTemplateKey(e.target.value)}>
          <option value="">{t('documents.import.noTemplate')}</option>
          {templates.map((tpl) => (
            <option key={tpl.key} value={tpl.key} lang="sv">
              {tpl.name}
            </option>
          ))}
        </select>
      </label>
      <JobProgress active={busy} kinds={['import']} />
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={busy ? t('documents.import.importing') : t('documents.import.import')}
        onPrimary={() => void run()}
        disabled={!file || busy}
      />
    </Dialog>
  );
}
