import type { DocumentDetail } from '../../../shared/document';
import { STATUS_LABELS } from '../../../shared/domain';
import { navigate } from '../lib/route';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/** The record's versions, oldest first: each opens on its own (old ones read-only, still exportable). */
export function RecordVersions({ doc, onOpen }: { doc: DocumentDetail; onOpen: () => void }) {
  if (doc.versions.length < 2) return null;
  return (
    <section aria-label="Handlingens versioner">
      <h3>Handlingens versioner</h3>
      <ul className="record-versions">
        {doc.versions.map((v) => {
          const when = day(v.registeredAt) ?? day(v.approvedAt);
          return (
            <li key={v.id}>
              Version {v.version} · {STATUS_LABELS[v.status]}
              {when && ` ${when}`}
              {v.id === doc.id ? (
                <span className="muted"> (den här)</span>
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
                    Öppna version {v.version}
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
