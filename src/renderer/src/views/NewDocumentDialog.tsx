import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { SwedishDateInput } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';

type Templates = Output<'listTemplates'>;

/** "Nytt dokument": pick a template (and optionally the date) and start writing. */
export function NewDocumentDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const [templates, setTemplates] = useState<Templates | null>(null);
  const [key, setKey] = useState('samrad');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listTemplates({}).then(setTemplates, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const create = async () => {
    try {
      const doc = await api.createDocument({ templateKey: key, metadata: date ? { date } : {} });
      onCreated(doc.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={t('documents.new.title')} onClose={onClose}>
      <fieldset className="template-choice">
        <legend>{t('documents.template')}</legend>
        {templates?.map((tpl) => (
          <label key={tpl.key} className="choice">
            <input type="radio" name="template" value={tpl.key} checked={key === tpl.key} onChange={() => setKey(tpl.key)} />
            {/* The template's own name and description: document language. */}
            <span lang="sv">
              <strong>{tpl.name}</strong>
              <small>{tpl.description}</small>
            </span>
          </label>
        )) ?? <p>{t('documents.new.loadingTemplates')}</p>}
      </fieldset>
      <label className="field">
        {t('documents.new.date')}
        <SwedishDateInput value={date} onChange={setDate} />
      </label>
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={t('documents.new.create')}
        onPrimary={() => void create()}
        disabled={!templates}
      />
    </Dialog>
  );
}
