import { useEffect, useState } from 'react';
import { JobProgress } from '../components/JobProgress';
import type { Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { hostMessage, useT } from '../i18n/i18n';
import { formatUiDateTime, formatUiSize } from '../i18n/formats';

type Backup = Output<'listBackups'>[number];

/** Backups beside the database: one a day automatically, one now on request, restore, and the whole-file check. */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => api.listBackups({}).then(setBackups, (e: unknown) => setError(errorMessage(e)));
  useEffect(() => {
    void refresh();
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('documents.backups.title')} onClose={onClose}>
      <p className="muted">{t('documents.backups.intro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {message && (
        <p role="status" className="notice ok">
          {message}
        </p>
      )}
      {backups?.length === 0 && <p>{t('documents.backups.none')}</p>}
      <ul className="revisions" aria-label={t('documents.backups.title')}>
        {backups?.map((b) => (
          <li key={b.name}>
            <span>
              {formatUiDateTime(t.lang, b.createdAt)} · {b.name} · {formatUiSize(t.lang, b.size)}
            </span>
            <button type="button" disabled={busy} onClick={() => setConfirm(b)}>
              {t('documents.backups.restore')}
            </button>
          </li>
        ))}
      </ul>
      {confirm && (
        <div className="notice" role="alertdialog" aria-label={t('documents.backups.confirmLabel')}>
          <p>{t('documents.backups.confirm', { date: formatUiDateTime(t.lang, confirm.createdAt) })}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await api.restoreBackup({ name: confirm.name });
                  window.location.hash = '#/';
                  window.location.reload();
                })
              }
            >
              {t('documents.backups.restoreConfirmed')}
            </button>
          </div>
        </div>
      )}
      <JobProgress active={busy} kinds={['backup', 'restore', 'check']} />
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const b = await api.createBackup({});
              setMessage(t('documents.backups.created', { name: b.name }));
              await refresh();
            })
          }
        >
          {t('documents.backups.now')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const r = await api.checkDatabase({});
              const said = hostMessage(r.text, r.message);
              if (r.ok) setMessage(said);
              else setError(said);
            })
          }
        >
          {t('documents.backups.check')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
