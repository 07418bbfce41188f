import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import type { DiffLine, Revision, RevisionSummary } from '../../../shared/revisions';
import { revisionLabel } from '../../../shared/revisions';
import { LOCKED_STATUSES, STATUS_LABELS } from '../../../shared/domain';
import { statusAdjective } from '../../../shared/swedish-status';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { RecordVersions } from './RecordVersions';

const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

/**
 * The document's revisions: view one read-only, compare two (or one with now), restore one. A locked
 * document is never changed by a restore: the revision becomes the record's next version, and the
 * button says so. Above them, the record's versions, each one a link.
 */
type Props = { docId: string; onClose: () => void; beforeRestore: () => Promise<void>; onRestored: (doc: DocumentDetail) => void };

export function HistoryDialog({ docId, onClose, beforeRestore, onRestored }: Props) {
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [shown, setShown] = useState<Revision | null>(null);
  const [picked, setPicked] = useState<number[]>([]);
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.listRevisions({ id: docId }).then(setRevisions, (e: unknown) => setError(errorMessage(e)));
    api.getDocument({ id: docId }).then(setDoc, (e: unknown) => setError(errorMessage(e)));
  }, [docId]);
  const locked = !!doc && LOCKED_STATUSES.includes(doc.status);
  const superseded = !!doc && doc.version < doc.latestVersion;

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
      {doc && <RecordVersions doc={doc} onOpen={onClose} />}
      {locked && !superseded && (
        <p className="muted">
          Dokumentet är {statusAdjective(doc.status)} och ändras inte. ”Ny version från den här revisionen” skapar version{' '}
          {doc.latestVersion + 1}, som ersätter version {doc.version}, med revisionens text och samma diarienummer.
        </p>
      )}
      {superseded && (
        <p className="muted">
          Version {doc.version} har ersatts av version {doc.latestVersion}. Bara den senaste versionen kan få en ny version.
        </p>
      )}
      {revisions === null ? (
        <p aria-busy="true">Läser in…</p>
      ) : revisions.length === 0 ? (
        <p>Inga sparade versioner ännu. Statusändringar och ”Spara version” skapar versioner.</p>
      ) : (
        <ul className="revisions" aria-label="Revisioner">
          {revisions.map((r) => (
            <li key={r.id}>
              <label>
                <input
                  type="checkbox"
                  aria-label={`Välj revision ${r.id} för jämförelse`}
                  checked={picked.includes(r.id)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id].slice(-2) : p.filter((x) => x !== r.id)))}
                />{' '}
                {when(r.createdAt)} · {r.name ? `”${r.name}”` : revisionLabel(r.reason)} · {STATUS_LABELS[r.status]}
                {r.author && ` · ${r.author}`}
              </label>
              <button type="button" onClick={guard(async () => (setDiff(null), setShown(await api.getRevision({ revisionId: r.id }))))}>
                Visa
              </button>
              {!superseded && (
                <button type="button" onClick={restore(r.id)}>
                  {locked ? 'Ny version från den här revisionen' : 'Återställ'}
                </button>
              )}
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
        <section className="revision-view" aria-label="Vald revision">
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
