import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import type { DiffLine, Revision, RevisionSummary } from '../../../shared/revisions';
import { revisionLabel } from '../../../shared/revisions';
import { STATUS_LABELS } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';

const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

/** The document's revisions: view one read-only, compare two (or one with now), restore a draft from one. */
type Props = { docId: string; onClose: () => void; beforeRestore: () => Promise<void>; onRestored: (doc: DocumentDetail) => void };

export function HistoryDialog({ docId, onClose, beforeRestore, onRestored }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [shown, setShown] = useState<Revision | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listRevisions({ id: docId }).then(setRevisions, (e: unknown) => setError(errorMessage(e)));
  }, [docId]);

  const guard = (fn: () => Promise<void>) => () => void fn().catch((e: unknown) => setError(errorMessage(e)));
  const compare = guard(async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    if (a === undefined) return;
    setShown(null);
    setDiff(await api.diffRevisions({ before: a, after: b ?? null }));
  });
  const restore = (id: number) =>
    guard(async () => {
      await beforeRestore();
      const doc = await api.restoreRevision({ revisionId: id });
      onClose();
      onRestored(doc);
    });

  return (
    <Dialog title="Historik" onClose={onClose}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {revisions === null ? (
        <p aria-busy="true">Läser in…</p>
      ) : revisions.length === 0 ? (
        <p>Inga sparade versioner ännu. Statusändringar och ”Spara version” skapar versioner.</p>
      ) : (
        <ul className="revisions" aria-label="Versioner">
          {revisions.map((r) => (
            <li key={r.id}>
              <label>
                <input
                  type="checkbox"
                  aria-label={`Välj version ${r.id} för jämförelse`}
                  checked={picked.includes(r.id)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id].slice(-2) : p.filter((x) => x !== r.id)))}
                />{' '}
                {when(r.createdAt)} · {revisionLabel(r.reason)} · {STATUS_LABELS[r.status]}
              </label>
              <button type="button" onClick={guard(async () => (setDiff(null), setShown(await api.getRevision({ revisionId: r.id }))))}>
                Visa
              </button>
              <button type="button" onClick={restore(r.id)}>
                Återställ
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" disabled={picked.length === 0} onClick={compare}>
          {picked.length === 1 ? 'Jämför med nuvarande' : 'Jämför valda'}
        </button>
        <button type="button" onClick={onClose}>
          Stäng
        </button>
      </div>
      {shown && (
        <section className="revision-view" aria-label="Vald version">
          <h3>{shown.title}</h3>
          <pre>{shown.plainText}</pre>
        </section>
      )}
      {diff && (
        <section className="diff" aria-label="Skillnader">
          {diff.every((l) => l.op === 'same') ? (
            <p>Inga skillnader.</p>
          ) : (
            diff.map((l, i) => (
              <div key={i} className={`diff-${l.op}`}>
                {l.op === 'added' ? '+ ' : l.op === 'removed' ? '− ' : '  '}
                {l.text}
              </div>
            ))
          )}
        </section>
      )}
    </Dialog>
  );
}
