import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { formatDateInText } from '../../../shared/swedish-format';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { navigate } from '../lib/route';
import { SwedishDateInput } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';

/** "Nästa möte": the next meeting of the series, prefilled from this minutes. */
export function NextMeetingDialog({ doc, onClose }: { doc: DocumentDetail; onClose: () => void }) {
  const t = useT();
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
    <Dialog title={t('document.next.title')} onClose={onClose}>
      <p>{t('document.next.intro')}</p>
      <label className="field">
        {t('document.next.date')}
        <SwedishDateInput value={date} autoFocus onChange={setDate} />
        {/* The date as the new minutes will write it: document text. */}
        {date && <small lang="sv">{formatDateInText(date)}</small>}
      </label>
      <label className="field">
        {t('document.next.theme')}
        <input value={theme} onChange={(e) => setTheme(e.target.value)} />
      </label>
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={t('document.next.create')}
        onPrimary={() => void create()}
        disabled={!date}
      />
    </Dialog>
  );
}
