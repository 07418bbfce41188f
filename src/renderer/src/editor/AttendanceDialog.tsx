import { useContext, useEffect, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { insertAttendanceTable } from './attendance';
import { MetadataContext } from './editor-context';
import { useT } from '../i18n/i18n';

/**
 * "Närvarolista…": the series' organisations, a checkbox each, inserted as a Närvarande table. The
 * dialog speaks the UI's language; the table it inserts is document text and stays Swedish.
 */
export function AttendanceDialog({ editor, onClose }: { editor: LexicalEditor; onClose: () => void }) {
  const t = useT();
  const metadata = useContext(MetadataContext);
  const seriesName = metadata?.series ?? '';
  const [names, setNames] = useState<string[] | null>(null);
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!seriesName) return setNames([]);
    api.listSeries({}).then(
      (list) => {
        const partners = list.find((s) => s.name === seriesName)?.partners ?? [];
        setNames(partners);
        setPresent(new Set(partners));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [seriesName]);
  const insert = () => {
    insertAttendanceTable(
      editor,
      (names ?? []).map((name) => ({ name, present: present.has(name) })),
    );
    onClose();
    editor.focus();
  };
  return (
    <Dialog title={t('editor.attendance.title')} onClose={onClose}>
      {names === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {names?.length === 0 && (
        <p>{seriesName ? t('editor.attendance.noPartners', { series: seriesName }) : t('editor.attendance.noSeries')}</p>
      )}
      {names && names.length > 0 && (
        <fieldset>
          <legend>{t('editor.attendance.legend', { series: seriesName })}</legend>
          {names.map((name) => (
            <label key={name} className="check">
              <input
                type="checkbox"
                checked={present.has(name)}
                onChange={(e) => {
                  const next = new Set(present);
                  if (e.target.checked) next.add(name);
                  else next.delete(name);
                  setPresent(next);
                }}
              />{' '}
              {name}
            </label>
          ))}
        </fieldset>
      )}
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={t('editor.attendance.insert')}
        onPrimary={insert}
        disabled={!names || names.length === 0}
      />
    </Dialog>
  );
}
