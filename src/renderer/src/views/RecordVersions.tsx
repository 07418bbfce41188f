import type { DocumentDetail } from '../../../shared/document';
import { useT } from '../i18n/i18n';
import { navigate } from '../lib/route';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** The record's versions, oldest first: each opens on its own (old ones read-only, still exportable). */
export function RecordVersions({ doc, onOpen }: { doc: DocumentDetail; onOpen: () => void }) {
  const t = useT();
  if (doc.versions.length < 2) return null;
  return (
    <section aria-label={t('document.recordVersions.heading')}>
      <h3>{t('document.recordVersions.heading')}</h3>
      <ul className="record-versions">
        {doc.versions.map((v) => {
          const when = day(v.registeredAt) ?? day(v.approvedAt);
          return (
            <li key={v.id}>
              {when
                ? t('document.recordVersions.itemDated', { version: String(v.version), status: t(`status.${v.status}`), date: when })
                : t('document.recordVersions.item', { version: String(v.version), status: t(`status.${v.status}`) })}
              {v.id === doc.id ? (
                <span className="muted"> {t('document.recordVersions.thisOne')}</span>
              ) : (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      onOpen();
                      navigate({ kind: 'doc', id: v.id });
                    }}
                  >
                    {t('document.recordVersions.open', { version: String(v.version) })}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
