import { useCallback, useEffect, useState } from 'react';
import { JobProgress } from '../components/JobProgress';
import type { SeriesOverview, SeriesSummary, TakeawayGroup } from '../../../shared/series';
import { api, base64ToBlob, errorMessage } from '../api';
import { useT } from '../i18n/i18n';
import { formatUiDate } from '../i18n/formats';
import { downloadBlob } from '../lib/save-file';
import { navigate } from '../lib/route';
import { SeriesForm } from './SeriesForm';
import { Takeaways } from './Takeaways';

/** All series (årscykler), newest year first. */
function SeriesList() {
  const t = useT();
  const [series, setSeries] = useState<SeriesSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listSeries({}).then(setSeries, (e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <section className="series-list">
      <div className="doc-bar">
        <h2>{t('series.list.heading')}</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('series.list.new')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {creating && (
        <SeriesForm initial={null} onSaved={(s) => navigate({ kind: 'series', name: s.name })} onCancel={() => setCreating(false)} />
      )}
      {series?.length === 0 && <p className="empty">{t('series.list.empty')}</p>}
      <ul className="cards">
        {series?.map((s) => (
          <li key={s.name}>
            <button type="button" className="link" onClick={() => navigate({ kind: 'series', name: s.name })}>
              {s.name}
            </button>{' '}
            <span className="muted">
              {t('series.list.summary', {
                year: String(s.year),
                documents: t.n('series.list.documents', s.documentCount),
                planned: t.n('series.list.planned', s.planned.length),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One series: its year as a timeline, the plan, and the takeaways of the year. */
function OneSeries({ name }: { name: string }) {
  const t = useT();
  const [overview, setOverview] = useState<SeriesOverview | null>(null);
  const [takeaways, setTakeaways] = useState<TakeawayGroup[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setOverview(await api.getSeriesOverview({ name }));
      setTakeaways(await api.collectTakeaways({ series: name }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [name]);
  useEffect(() => {
    void load();
  }, [load]);

  const [exporting, setExporting] = useState(false);
  const exportDocx = async () => {
    setExporting(true);
    try {
      const file = await api.exportTakeaways({ series: name });
      downloadBlob(base64ToBlob(file.dataBase64, file.mimeType), file.fileName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!overview) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section className="series" aria-label={t('series.view.label', { name })}>
      <div className="doc-bar">
        <button type="button" onClick={() => navigate({ kind: 'series', name: null })}>
          {t('series.view.back')}
        </button>
        <h2>{overview.name}</h2>
        <span className="muted">
          {overview.year}
          {overview.partners.length > 0 && ` · ${t('series.view.partners', { partners: overview.partners.join(', ') })}`}
        </span>
        <button type="button" onClick={() => setEditing((v) => !v)}>
          {editing ? t('common.close') : t('series.view.edit')}
        </button>
      </div>
      {editing && (
        <SeriesForm
          initial={overview}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <h3>{t('series.view.meetings')}</h3>
      <ol className="timeline" aria-label={t('series.view.timeline')}>
        {overview.meetings.map((m, i) => (
          <li key={`${m.date ?? 'x'}-${m.documentId ?? i}`} className={m.documentId ? 'held' : 'planned'}>
            <span className="when">{m.date ? formatUiDate(t.lang, m.date) : t('series.view.noDate')}</span>
            <span className="what">{m.theme || m.title || t('series.view.meeting')}</span>
            {m.documentId ? (
              <>
                <span className={`status status-${m.status}`}>{m.status ? t(`status.${m.status}`) : ''}</span>
                {m.version !== undefined && m.version > 1 && <span className="muted">{t('series.view.version', { n: m.version })}</span>}
                <button type="button" className="link" onClick={() => navigate({ kind: 'doc', id: m.documentId! })}>
                  {t('common.open')}
                </button>
              </>
            ) : (
              <span className="status">{t('series.view.planned')}</span>
            )}
          </li>
        ))}
      </ol>
      <div className="doc-bar">
        <h3>{t('series.takeaways.heading')}</h3>
        <button type="button" onClick={() => void exportDocx()} disabled={!takeaways?.length || exporting}>
          {t('series.takeaways.export')}
        </button>
        <JobProgress active={exporting} kinds={['takeaways']} />
      </div>
      {takeaways && <Takeaways groups={takeaways} />}
    </section>
  );
}

export function SeriesView({ name }: { name: string | null }) {
  return name ? <OneSeries key={name} name={name} /> : <SeriesList />;
}
