import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { toSlug } from '../../../shared/template';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';

function suggestKey(doc: DocumentDetail): string {
  return toSlug(doc.metadata.series || doc.metadata.meetingType || 'min-mall', 'min-mall', 40);
}

/** "Spara som mall": the sections that carry over keep their text; the rest are emptied. */
export function SaveAsTemplateDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const [name, setName] = useState(doc.metadata.series ? `${doc.metadata.series}` : 'Min mall');
  const [key, setKey] = useState(suggestKey(doc));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      const t = await api.saveAsTemplate({ id: doc.id, key, name });
      setDone(`Mallen ”${t.name}” sparades (version ${t.version}).`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title="Spara som mall" onClose={onClose}>
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <>
          <p>Avsnitt som följer med till nästa möte behåller sin text. Övriga avsnitt töms och visar sin vägledning.</p>
          <label className="field">
            Namn
            <input value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field">
            Nyckel (a–z, 0–9, bindestreck)
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
          {done ? 'Stäng' : 'Avbryt'}
        </button>
        {!done && (
          <button type="button" className="primary" disabled={!name.trim() || !key.trim()} onClick={() => void save()}>
            Spara mall
          </button>
        )}
      </div>
    </Dialog>
  );
}
