import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { toSlug } from '../../../shared/template';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/i18n';

function suggestKey(doc: DocumentDetail): string {
  return toSlug(doc.metadata.series || doc.metadata.meetingType || 'min-mall', 'min-mall', 40);
}

/** "Spara som mall": the sections that carry over keep their text; the rest are emptied. */
export function SaveAsTemplateDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const t = useT();
  const [name, setName] = useState(doc.metadata.series ? `${doc.metadata.series}` : t('document.saveTemplate.defaultName'));
  const [key, setKey] = useState(suggestKey(doc));
  const [done, setDone] = useState<{ name: string; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      const saved = await api.saveAsTemplate({ id: doc.id, key, name });
      setDone({ name: saved.name, version: saved.version });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={t('document.saveTemplate.title')} onClose={onClose}>
      {done ? (
        <p role="status">{t('document.saveTemplate.done', { name: done.name, version: String(done.version) })}</p>
      ) : (
        <>
          <p>{t('document.saveTemplate.intro')}</p>
          <label className="field">
            {t('document.saveTemplate.name')}
            <input value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            {t('document.saveTemplate.key')}
            <input value={key} onChange={(e) => setKey(e.target.value)} />
          </label>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {done ? t('common.close') : t('common.cancel')}
        </button>
        {!done && (
          <button type="button" className="primary" disabled={!name.trim() || !key.trim()} onClick={() => void save()}>
            {t('document.saveTemplate.submit')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
