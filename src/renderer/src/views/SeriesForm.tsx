import { useState } from 'react';
import type { Series } from '../../../shared/series';
import { api, errorMessage } from '../api';
import { SwedishDateInput } from '../components/SwedishDateField';

type Props = { initial: Series | null; onSaved: (s: Series) => void; onCancel: () => void };

/** A series: its year, the partners who plan it, and the meetings planned for the year. */
export function SeriesForm({ initial, onSaved, onCancel }: Props) {
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
    <form className="series-form" aria-label="Serie" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label className="field">
        Namn
        <input value={name} readOnly={!!initial} onChange={(e) => setName(e.target.value)} placeholder="Integration 2026" />
      </label>
      <label className="field">
        År
        <input type="number" value={year} min={2000} max={2100} onChange={(e) => setYear(e.target.value)} />
      </label>
      <label className="field">
        Samverkanspartner (en per rad)
        <textarea rows={3} value={partners} onChange={(e) => setPartners(e.target.value)} />
      </label>
      <fieldset>
        <legend>Planerade möten</legend>
        {planned.map((p, i) => (
          <div key={i} className="planned-row">
            <SwedishDateInput
              ariaLabel={`Datum för möte ${i + 1}`}
              value={p.date}
              onChange={(date) => setPlanned(planned.map((x, j) => (j === i ? { ...x, date } : x)))}
            />
            <input
              aria-label={`Tema för möte ${i + 1}`}
              placeholder="Tema"
              value={p.theme}
              onChange={(e) => setPlanned(planned.map((x, j) => (j === i ? { ...x, theme: e.target.value } : x)))}
            />
            <button type="button" aria-label={`Ta bort möte ${i + 1}`} onClick={() => setPlanned(planned.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPlanned([...planned, { date: '', theme: '' }])}>
          + Planerat möte
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
        <button type="submit" className="primary">
          Spara serien
        </button>
      </div>
    </form>
  );
}
