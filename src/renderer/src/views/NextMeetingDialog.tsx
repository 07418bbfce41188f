import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { formatDateInText } from '../../../shared/swedish-format';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { navigate } from '../lib/route';
import { SwedishDateInput } from '../components/SwedishDateField';

/** "Nästa möte": the next meeting of the series, prefilled from this minutes. */
export function NextMeetingDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const [date, setDate] = useState('');
  const [theme, setTheme] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    try {
      const next = await api.nextMeeting({
        id: doc.id,
        date,
        ...(theme.trim() ? { theme: theme.trim() } : {}),
        ...(doc.templateKey ? {} : { templateKey: 'samrad' }),
      });
      onClose();
      navigate({ kind: 'doc', id: next.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title="Nästa möte" onClose={onClose}>
      <p>
        Ett nytt utkast med samma departement, enhet, värd och serie. Avsnitt som följer med (t.ex. deltagande organisationer) får texten
        från det här mötet; övriga börjar från mallen.
      </p>
      <label className="field">
        Datum för nästa möte
        <SwedishDateInput value={date} autoFocus onChange={setDate} />
        {date && <small>{formatDateInText(date)}</small>}
      </label>
      <label className="field">
        Tema (kan fyllas i senare)
        <input value={theme} onChange={(e) => setTheme(e.target.value)} />
      </label>
      <DialogFooter error={error} onCancel={onClose} primaryLabel="Skapa utkast" onPrimary={() => void create()} disabled={!date} />
    </Dialog>
  );
}
