import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import type { RevisionSummary } from '../../../shared/revisions';
import { api, errorMessage } from '../api';
import { formatUiDateTime } from '../i18n/formats';
import { useT } from '../i18n/i18n';
import { navigate } from '../lib/route';
import { downloadBlob } from '../lib/save-file';

/**
 * A document whose content the store cannot load (too deep, malformed): it is not lost, so say so
 * and offer what still works without the content: the stored JSON as a file, an earlier revision
 * back, or the trash.
 */
export function UnreadableDocument({ id, message, onRestored }: { id: string; message: string; onRestored: (d: DocumentDetail) => void }) {
  const t = useT();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listRevisions({ id }).then(setRevisions, (e: unknown) => setError(errorMessage(e)));
  }, [id]);
  const guard = (fn: () => Promise<void>) => () => void fn().catch((e: unknown) => setError(errorMessage(e)));
  return (
    <section aria-labelledby="unreadable-title">
      <h2 id="unreadable-title">{t('documents.unreadable.title')}</h2>
      <p role="alert" className="error">
        {message}
      </p>
      {error && <p className="error">{error}</p>}
      {revisions && revisions.length > 0 && (
        <ul>
          {revisions.map((r) => (
            <li key={r.id}>
              {r.title} ({formatUiDateTime(t.lang, r.createdAt)}){' '}
              <button type="button" onClick={guard(async () => onRestored(await api.restoreRevision({ revisionId: r.id })))}>
                {t('documents.unreadable.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {revisions && revisions.length === 0 && <p className="muted">{t('documents.unreadable.noRevisions')}</p>}
      <button
        type="button"
        onClick={guard(async () => {
          const raw = await api.exportRawContent({ id });
          downloadBlob(new Blob([raw.json], { type: 'application/json' }), raw.fileName);
        })}
      >
        {t('documents.unreadable.saveRaw')}
      </button>{' '}
      <button
        type="button"
        onClick={guard(async () => {
          await api.trashDocument({ id });
          navigate({ kind: 'list' });
        })}
      >
        {t('documents.unreadable.trash')}
      </button>
    </section>
  );
}
