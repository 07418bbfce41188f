import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import type { DiffLine, Revision, RevisionSummary } from '../../../shared/revisions';
import { LOCKED_STATUSES, STATUSES, type Status } from '../../../shared/domain';
import { api, errorMessage } from '../api';
import { Dialog } from '../components/Dialog';
import { useT, type Translate } from '../i18n/i18n';
import { formatUiDateTime } from '../i18n/formats';
import { RecordVersions } from './RecordVersions';

/** How a revision came about (its stored reason), in the UI's language; an unknown reason as it is. */
function reasonLabel(t: Translate, reason: string): string {
  if (reason.startsWith('status:')) {
    const status = reason.slice(7);
    const word = (STATUSES as readonly string[]).includes(status) ? t(`document.version.status.${status as Status}`) : status;
    return t('document.history.reason.status', { status: word });
  }
  switch (reason) {
    case 'save':
      return t('document.history.reason.save');
    case 'edit':
      return t('document.history.reason.edit');
    case 'restore':
      return t('document.history.reason.restore');
    case 'ny-version':
      return t('document.history.reason.newVersion');
    case 'ny-version-från-revision': // i18n-exempt: the reason as stored (a code), not UI text
      return t('document.history.reason.newVersionFromRevision');
    default:
      return reason;
  }
}

/**
 * The document's revisions: view one read-only, compare two (or one with now), restore one. A locked
 * document is never changed by a restore: the revision becomes the record's next version, and the
 * button says so. Above them, the record's versions, each one a link.
 */
type Props = { docId: string; onClose: () => void; beforeRestore: () => Promise<void>; onRestored: (doc: DocumentDetail) => void };

export function HistoryDialog({ docId, onClose, beforeRestore, onRestored }: Props) {
  const t = useT();
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
    <Dialog title={t('document.history.title')} onClose={onClose}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {doc && <RecordVersions doc={doc} onOpen={onClose} />}
      {locked && !superseded && (
        <p className="muted">
          {t('document.history.locked', {
            status: t(`status.${doc.status}.after`),
            next: String(doc.latestVersion + 1),
            version: String(doc.version),
          })}
        </p>
      )}
      {superseded && (
        <p className="muted">{t('document.history.superseded', { version: String(doc.version), latest: String(doc.latestVersion) })}</p>
      )}
      {revisions === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : revisions.length === 0 ? (
        <p>{t('document.history.empty')}</p>
      ) : (
        <ul className="revisions" aria-label={t('document.history.revisions')}>
          {revisions.map((r) => (
            <li key={r.id}>
              <label>
                <input
                  type="checkbox"
                  aria-label={t('document.history.pick', { id: String(r.id) })}
                  checked={picked.includes(r.id)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id].slice(-2) : p.filter((x) => x !== r.id)))}
                />{' '}
                {formatUiDateTime(t.lang, r.createdAt)} ·{' '}
                {r.name ? t('document.history.named', { name: r.name }) : reasonLabel(t, r.reason)} · {t(`status.${r.status}`)}
                {r.author && ` · ${r.author}`}
              </label>
              <button type="button" onClick={guard(async () => (setDiff(null), setShown(await api.getRevision({ revisionId: r.id }))))}>
                {t('document.history.show')}
              </button>
              {!superseded && (
                <button type="button" onClick={restore(r.id)}>
                  {locked ? t('document.history.newVersionFrom') : t('document.history.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" disabled={picked.length === 0} onClick={compare}>
          {picked.length === 1 ? t('document.history.compareCurrent') : t('document.history.compareSelected')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {shown && (
        <section className="revision-view" aria-label={t('document.history.shown')}>
          <h3 lang="sv">{shown.title}</h3>
          <pre lang="sv">{shown.plainText}</pre>
        </section>
      )}
      {diff && (
        <section className="diff" aria-label={t('document.history.diff')}>
          {diff.every((l) => l.op === 'same') ? (
            <p>{t('document.history.noDiff')}</p>
          ) : (
            diff.map((l, i) => (
              <div key={i} className={`diff-${l.op}`} lang="sv">
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
