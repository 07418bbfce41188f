import { useEffect, useState } from 'react';
import { JobProgress } from '../components/JobProgress';
import type { Output } from '../../../shared/contract';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';

type Backup = Output<'listBackups'>[number];

// Swedish: a decimal comma ("1,0 MB").
const size = (n: number) => (n > 1e6 ? `${(n / 1e6).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`);

/** Backups beside the database: one a day automatically, one now on request, restore, and the whole-file check. */
export function BackupsDialog({ onClose }: { onClose: () => void }) {
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
    <Dialog title="Säkerhetskopior" onClose={onClose}>
      <p className="muted">Minnes tar en säkerhetskopia om dagen och sparar en vecka, och alltid en före en uppgradering av databasen.</p>
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
      {backups?.length === 0 && <p>Inga säkerhetskopior ännu.</p>}
      <ul className="revisions" aria-label="Säkerhetskopior">
        {backups?.map((b) => (
          <li key={b.name}>
            <span>
              {new Date(b.createdAt).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' })} · {b.name} · {size(b.size)}
            </span>
            <button type="button" disabled={busy} onClick={() => setConfirm(b)}>
              Återställ
            </button>
          </li>
        ))}
      </ul>
      {confirm && (
        <div className="notice" role="alertdialog" aria-label="Bekräfta återställning">
          <p>
            Ersätta alla nuvarande minnesanteckningar med säkerhetskopian från{' '}
            {new Date(confirm.createdAt).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' })}? Den nuvarande databasen
            sparas först som en egen säkerhetskopia.
          </p>
          <div className="actions">
            <button type="button" onClick={() => setConfirm(null)}>
              Avbryt
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
              Återställ från säkerhetskopia
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
              setMessage(`Säkerhetskopian ${b.name} skapades.`);
              await refresh();
            })
          }
        >
          Säkerhetskopiera nu
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const r = await api.checkDatabase({});
              if (r.ok) setMessage(r.message);
              else setError(r.message);
            })
          }
        >
          Kontrollera databasen
        </button>
        <button type="button" onClick={onClose}>
          Stäng
        </button>
      </div>
    </Dialog>
  );
}
