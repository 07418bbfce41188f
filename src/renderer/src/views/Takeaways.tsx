import type { Run } from '../../../shared/document-model';
import type { TakeawayGroup } from '../../../shared/series';
import { useT } from '../i18n/i18n';
import { formatUiDate } from '../i18n/formats';
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
  const t = useT();
  if (groups.length === 0) return <p className="empty">{t('series.takeaways.empty')}</p>;
  // A meeting with a date is named by the UI; one without by its title, which is the document's (Swedish).
  const heading = (g: TakeawayGroup) => (g.date ? t('series.takeaways.group', { date: formatUiDate(t.lang, g.date) }) : g.title);
  return (
    <div className="takeaways" role="group" aria-label={t('series.takeaways.heading')}>
      {groups.map((g) => (
        <section key={g.documentId} aria-label={heading(g)}>
          <h4 lang={g.date ? undefined : 'sv'}>
            <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: g.documentId })}>
              {heading(g)}
            </button>
          </h4>
          {g.items.length === 0 ? (
            <p className="muted">{t('series.takeaways.none')}</p>
          ) : (
            <ul lang="sv">
              {g.items.map((item, i) => (
                <li key={i}>
                  <Runs runs={item.runs} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
