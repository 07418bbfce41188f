import { useState } from 'react';
import { toSlug, uniqueSlug, type Template, type TemplateSection } from '../../../shared/template';
import { api, errorMessage } from '../api';
import { useT } from '../i18n/i18n';

type Props = { template: Template; onDone: (saved: Template | null) => void };

/** A new section's heading: the document's words (Swedish), like every heading a template gives. */
const NEW_SECTION_HEADING = 'Nytt avsnitt'; // i18n-exempt

/** Edits a user template: name, title pattern, sections and house style. Saving makes a new version. */
export function TemplateEditor({ template, onDone }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<Template>(template);
  const [error, setError] = useState<string | null>(null);
  const setSection = (i: number, patch: Partial<TemplateSection>) =>
    setDraft({ ...draft, sections: draft.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const move = (i: number, d: -1 | 1) => {
    const next = [...draft.sections];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + d, 0, item);
    setDraft({ ...draft, sections: next });
  };
  const add = () => {
    const key = uniqueSlug('nytt-avsnitt', (k) => draft.sections.some((s) => s.key === k));
    setDraft({
      ...draft,
      sections: [
        ...draft.sections,
        { key, heading: NEW_SECTION_HEADING, printHeading: false, guidance: '', defaultContent: '', carryOver: false },
      ],
    });
  };
  const save = async () => {
    try {
      onDone(await api.updateTemplate({ template: draft }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const style = draft.houseStyle;

  return (
    <form
      className="template-editor"
      aria-label={t('series.templates.editor.label', { name: template.name })}
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <div className="doc-bar">
        <h2>{t('series.templates.editor.heading', { name: template.name })}</h2>
        <span className="muted">
          {t('series.templates.editor.summary', { key: draft.key, version: template.version, next: template.version + 1 })}
        </span>
      </div>
      <label className="field">
        {t('series.templates.name')}
        <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </label>
      <label className="field">
        {t('series.templates.editor.titlePattern')}
        <input lang="sv" value={draft.titlePattern} onChange={(e) => setDraft({ ...draft, titlePattern: e.target.value })} />
        <small>{t('series.templates.editor.titleHelp', { department: '{{departement}}', date: '{{datum}}' })}</small>
      </label>
      <fieldset>
        <legend>{t('series.templates.sections')}</legend>
        {draft.sections.map((s, i) => (
          <div key={i} className="template-section">
            <div className="row">
              <input
                aria-label={t('series.templates.editor.sectionHeading', { n: i + 1 })}
                lang="sv"
                value={s.heading}
                onChange={(e) =>
                  setSection(i, {
                    heading: e.target.value,
                    ...(s.key.startsWith('nytt-avsnitt') ? { key: toSlug(e.target.value, 'avsnitt') } : {}),
                  })
                }
              />
              <label>
                <input type="checkbox" checked={s.printHeading} onChange={(e) => setSection(i, { printHeading: e.target.checked })} />{' '}
                {t('series.templates.editor.printHeading')}
              </label>
              <label>
                <input type="checkbox" checked={s.carryOver} onChange={(e) => setSection(i, { carryOver: e.target.checked })} />{' '}
                {t('series.templates.editor.carryOver')}
              </label>
              <button
                type="button"
                aria-label={t('series.templates.editor.moveUp', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('series.templates.editor.moveDown', { n: i + 1 })}
                disabled={i === draft.sections.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                disabled={draft.sections.length === 1}
                onClick={() => setDraft({ ...draft, sections: draft.sections.filter((_, j) => j !== i) })}
              >
                {t('series.templates.editor.removeSection')}
              </button>
            </div>
            <label className="field">
              {t('series.templates.editor.guidance')}
              <input lang="sv" value={s.guidance} onChange={(e) => setSection(i, { guidance: e.target.value })} />
            </label>
            <label className="field">
              {t('series.templates.editor.defaultContent')}
              <textarea lang="sv" rows={3} value={s.defaultContent} onChange={(e) => setSection(i, { defaultContent: e.target.value })} />
            </label>
          </div>
        ))}
        <button type="button" onClick={add}>
          {t('series.templates.editor.addSection')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('series.templates.editor.houseStyle')}</legend>
        <div className="style-grid">
          <label className="field">
            {t('series.templates.editor.font')}
            <input value={style.docxFont} onChange={(e) => setDraft({ ...draft, houseStyle: { ...style, docxFont: e.target.value } })} />
          </label>
          <label className="field">
            {t('series.templates.editor.bodySize')}
            <input
              type="number"
              min={7}
              max={20}
              step={0.5}
              value={style.bodySizePt}
              onChange={(e) => setDraft({ ...draft, houseStyle: { ...style, bodySizePt: Number(e.target.value) } })}
            />
          </label>
          <label className="field">
            {t('series.templates.editor.titleSize')}
            <input
              type="number"
              min={10}
              max={36}
              value={style.titleSizePt}
              onChange={(e) => setDraft({ ...draft, houseStyle: { ...style, titleSizePt: Number(e.target.value) } })}
            />
          </label>
          {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
            <label key={side} className="field">
              {t(`series.templates.editor.margin.${side}`)}
              <input
                type="number"
                min={5}
                max={60}
                value={style.marginsMm[side]}
                onChange={(e) =>
                  setDraft({ ...draft, houseStyle: { ...style, marginsMm: { ...style.marginsMm, [side]: Number(e.target.value) } } })
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
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary">
          {t('series.templates.editor.save')}
        </button>
      </div>
    </form>
  );
}
