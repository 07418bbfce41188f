import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { SwedishDateInput } from '../components/SwedishDateField';

type Templates = Output<'listTemplates'>;

/** "Nytt dokument": pick a template (and optionally the date) and start writing. */
export function NewDocumentDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
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
    <Dialog title="Nytt dokument" onClose={onClose}>
      <fieldset className="template-choice">
        <legend>Mall</legend>
        {templates?.map((t) => (
          <label key={t.key} className="choice">
            <input type="radio" name="template" value={t.key} checked={key === t.key} onChange={() => setKey(t.key)} />
            <span>
              <strong>{t.name}</strong>
              <small>{t.description}</small>
            </span>
          </label>
        )) ?? <p>Läser in mallar…</p>}
      </fieldset>
      <label className="field">
        Mötesdatum (kan fyllas i senare)
        <SwedishDateInput value={date} onChange={setDate} />
      </label>
      <DialogFooter error={error} onCancel={onClose} primaryLabel="Skapa" onPrimary={() => void create()} disabled={!templates} />
    </Dialog>
  );
}
