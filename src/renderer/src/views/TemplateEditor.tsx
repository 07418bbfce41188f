import { useState } from 'react';
import { toSlug, uniqueSlug, type Template, type TemplateSection } from '../../../shared/template';
import { api, errorMessage } from '../api';

type Props = { template: Template; onDone: (saved: Template | null) => void };

/** Edits a user template: name, title pattern, sections and house style. Saving makes a new version. */
export function TemplateEditor({ template, onDone }: Props) {
  const [t, setT] = useState<Template>(template);
  const [error, setError] = useState<string | null>(null);
  const setSection = (i: number, patch: Partial<TemplateSection>) =>
    setT({ ...t, sections: t.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const move = (i: number, d: -1 | 1) => {
    const next = [...t.sections];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + d, 0, item);
    setT({ ...t, sections: next });
  };
  const add = () => {
    const key = uniqueSlug('nytt-avsnitt', (k) => t.sections.some((s) => s.key === k));
    setT({
      ...t,
      sections: [...t.sections, { key, heading: 'Nytt avsnitt', printHeading: false, guidance: '', defaultContent: '', carryOver: false }],
    });
  };
  const save = async () => {
    try {
      onDone(await api.updateTemplate({ template: t }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const style = t.houseStyle;

  return (
    <form className="template-editor" aria-label={`Redigera mallen ${template.name}`} onSubmit={(e) => (e.preventDefault(), void save())}>
      <div className="doc-bar">
        <h2>Redigera mall: {template.name}</h2>
        <span className="muted">
          Nyckel {t.key} · version {template.version} (sparas som {template.version + 1})
        </span>
      </div>
      <label className="field">
        Namn
        <input value={t.name} onChange={(e) => setT({ ...t, name: e.target.value })} />
      </label>
      <label className="field">
        Titelmönster
        <input value={t.titlePattern} onChange={(e) => setT({ ...t, titlePattern: e.target.value })} />
        <small>
          Variabler som {'{{departement}}'} och {'{{datum}}'} fylls i från mötesuppgifterna.
        </small>
      </label>
      <fieldset>
        <legend>Avsnitt</legend>
        {t.sections.map((s, i) => (
          <div key={i} className="template-section">
            <div className="row">
              <input
                aria-label={`Rubrik för avsnitt ${i + 1}`}
                value={s.heading}
                onChange={(e) =>
                  setSection(i, {
                    heading: e.target.value,
                    ...(s.key.startsWith('nytt-avsnitt') ? { key: toSlug(e.target.value, 'avsnitt') } : {}),
                  })
                }
              />
              <label>
                <input type="checkbox" checked={s.printHeading} onChange={(e) => setSection(i, { printHeading: e.target.checked })} /> Skriv
                ut rubrik
              </label>
              <label>
                <input type="checkbox" checked={s.carryOver} onChange={(e) => setSection(i, { carryOver: e.target.checked })} /> Följer med
                till nästa möte
              </label>
              <button type="button" aria-label={`Flytta upp avsnitt ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label={`Flytta ned avsnitt ${i + 1}`}
                disabled={i === t.sections.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                disabled={t.sections.length === 1}
                onClick={() => setT({ ...t, sections: t.sections.filter((_, j) => j !== i) })}
              >
                Ta bort
              </button>
            </div>
            <label className="field">
              Vägledning (visas när avsnittet är tomt)
              <input value={s.guidance} onChange={(e) => setSection(i, { guidance: e.target.value })} />
            </label>
            <label className="field">
              Standardtext (Markdown, med variabler)
              <textarea rows={3} value={s.defaultContent} onChange={(e) => setSection(i, { defaultContent: e.target.value })} />
            </label>
          </div>
        ))}
        <button type="button" onClick={add}>
          + Avsnitt
        </button>
      </fieldset>
      <fieldset>
        <legend>Husstil</legend>
        <div className="style-grid">
          <label className="field">
            Typsnitt i Word
            <input value={style.docxFont} onChange={(e) => setT({ ...t, houseStyle: { ...style, docxFont: e.target.value } })} />
          </label>
          <label className="field">
            Brödtext (pt)
            <input
              type="number"
              min={7}
              max={20}
              step={0.5}
              value={style.bodySizePt}
              onChange={(e) => setT({ ...t, houseStyle: { ...style, bodySizePt: Number(e.target.value) } })}
            />
          </label>
          <label className="field">
            Titel (pt)
            <input
              type="number"
              min={10}
              max={36}
              value={style.titleSizePt}
              onChange={(e) => setT({ ...t, houseStyle: { ...style, titleSizePt: Number(e.target.value) } })}
            />
          </label>
          {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
            <label key={side} className="field">
              Marginal {({ top: 'överkant', right: 'höger', bottom: 'nederkant', left: 'vänster' } as const)[side]} (mm)
              <input
                type="number"
                min={5}
                max={60}
                value={style.marginsMm[side]}
                onChange={(e) =>
                  setT({ ...t, houseStyle: { ...style, marginsMm: { ...style.marginsMm, [side]: Number(e.target.value) } } })
                }
              />
            </label>
          ))}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => onDone(null)}>
          Avbryt
        </button>
        <button type="submit" className="primary">
          Spara ny version
        </button>
      </div>
    </form>
  );
}
