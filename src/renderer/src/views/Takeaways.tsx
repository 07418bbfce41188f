import type { Run } from '../../../shared/document-model';
import type { TakeawayGroup } from '../../../shared/series';
import { formatDateInText } from '../../../shared/swedish-format';
import { navigate } from '../lib/route';

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        if (r.type === 'break') return <br key={i} />;
        let node: React.ReactNode = r.text;
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/** Every takeaway of the year, grouped by meeting, with its bold key phrase as written. */
export function Takeaways({ groups }: { groups: TakeawayGroup[] }) {
  if (groups.length === 0) return <p className="empty">Inga minnesanteckningar i serien ännu.</p>;
  return (
    <div className="takeaways" role="group" aria-label="Medskick över året">
      {groups.map((g) => (
        <section key={g.documentId} aria-label={g.date ? `Samråd ${formatDateInText(g.date)}` : g.title}>
          <h4>
            <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: g.documentId })}>
              {g.date ? `Samråd ${formatDateInText(g.date)}` : g.title}
            </button>
          </h4>
          {g.items.length === 0 ? (
            <p className="muted">Inga medskick antecknade.</p>
          ) : (
            <ul>
              {g.items.map((t, i) => (
                <li key={i}>
                  <Runs runs={t.runs} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
