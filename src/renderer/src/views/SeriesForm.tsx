import { useState } from 'react';
import type { Series } from '../../../shared/series';
import { api, errorMessage } from '../api';
import { SwedishDateInput } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';

type Props = { initial: Series | null; onSaved: (s: Series) => void; onCancel: () => void };

/** A series: its year, the partners who plan it, and the meetings planned for the year. */
export function SeriesForm({ initial, onSaved, onCancel }: Props) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [year, setYear] = useState(String(initial?.year ?? new Date().getFullYear()));
  const [partners, setPartners] = useState((initial?.partners ?? []).join('\n'));
  const [planned, setPlanned] = useState(initial?.planned ?? []);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    try {
      const saved = await api.saveSeries({
        name,
        year: Number(year),
        partners: partners
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
        planned: planned.filter((p) => p.date),
        templateKey: initial?.templateKey ?? 'samrad',
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form className="series-form" aria-label={t('series.form.label')} onSubmit={(e) => (e.preventDefault(), void save())}>
      <label className="field">
        {t('series.form.name')}
        <input value={name} readOnly={!!initial} onChange={(e) => setName(e.target.value)} placeholder={t('series.form.namePlaceholder')} />
      </label>
      <label className="field">
        {t('series.form.year')}
        <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(e.target.value)} />
      </label>
      <label className="field">
        {t('series.form.partners')}
        <textarea rows={3} value={partners} onChange={(e) => setPartners(e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('series.form.planned')}</legend>
        {planned.map((p, i) => (
          <div key={i} className="planned-row">
            <SwedishDateInput
              ariaLabel={t('series.form.plannedDate', { n: i + 1 })}
              value={p.date}
              onChange={(date) => setPlanned(planned.map((x, j) => (j === i ? { ...x, date } : x)))}
            />
            <input
              aria-label={t('series.form.plannedTheme', { n: i + 1 })}
              placeholder={t('meta.theme')}
              value={p.theme}
              onChange={(e) => setPlanned(planned.map((x, j) => (j === i ? { ...x, theme: e.target.value } : x)))}
            />
            <button
              type="button"
              aria-label={t('series.form.removePlanned', { n: i + 1 })}
              onClick={() => setPlanned(planned.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPlanned([...planned, { date: '', theme: '' }])}>
          {t('series.form.addPlanned')}
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('series.form.save')}
        </button>
      </div>
    </form>
  );
}
