import type { Metadata, MetadataKey } from '../../../shared/metadata';
import { secrecyProblem } from '../../../shared/metadata';
import { documentTitle } from '../../../shared/variables';
import { SwedishDateField } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';

type Props = {
  metadata: Metadata;
  titlePattern: string;
  readOnly: boolean;
  missingFields: ReadonlySet<MetadataKey>;
  onChange: (m: Metadata) => void;
  onBlur: () => void;
};

/** A Swedish legal provision, written the same whatever the UI's language. */
const SECRECY_EXAMPLE = 'OSL 15 kap. 1 §';

const TEXT_FIELDS: MetadataKey[] = ['department', 'unit', 'documentType', 'place', 'host', 'theme', 'meetingType', 'dnr', 'series'];

/** The meeting facts, filled in once; every {{variable}} in the text follows them live. */
export function MetadataForm({ metadata, titlePattern, readOnly, missingFields, onChange, onBlur }: Props) {
  const t = useT();
  const set = (key: MetadataKey, value: string) => onChange({ ...metadata, [key]: value });
  const input = (key: MetadataKey, type = 'text', extra: Record<string, string> = {}) => (
    <label key={key} className={`field${missingFields.has(key) ? ' field-missing' : ''}`}>
      {t(`meta.${key}`)}
      <input
        type={type}
        name={key}
        value={metadata[key]}
        readOnly={readOnly}
        aria-invalid={missingFields.has(key) || undefined}
        onChange={(e) => set(key, e.target.value)}
        onBlur={onBlur}
        {...extra}
      />
    </label>
  );
  const generated = documentTitle(titlePattern, { ...metadata, title: '' }).text;
  const secret = metadata.secrecy === 'sekretess';
  const problem = secrecyProblem(metadata);
  const secrecyError = problem ? t.text(problem) : null;
  return (
    <form className="metadata" aria-label={t('document.meta.heading')} onSubmit={(e) => e.preventDefault()}>
      <h2>{t('document.meta.heading')}</h2>
      <SwedishDateField
        label={t('meta.date')}
        name="date"
        value={metadata.date}
        readOnly={readOnly}
        missing={missingFields.has('date')}
        onChange={(iso) => set('date', iso)}
        onBlur={onBlur}
      />
      <div className="time-row">
        {input('startTime', 'text', { placeholder: '9.00', inputMode: 'numeric' })}
        {input('endTime', 'text', { placeholder: '15.30', inputMode: 'numeric' })}
      </div>
      {TEXT_FIELDS.map((k) => input(k, 'text', k === 'dnr' ? { placeholder: 'A2026/01234' } : {}))}
      <label className="field">
        {t('meta.secrecy')}
        <select
          name="secrecy"
          value={metadata.secrecy}
          disabled={readOnly}
          onChange={(e) => set('secrecy', e.target.value)}
          onBlur={onBlur}
        >
          <option value="offentlig">{t('document.secrecy.public')}</option>
          <option value="sekretess">{t('document.secrecy.secret')}</option>
        </select>
      </label>
      {secret && (
        <>
          <label className="field">
            {t('meta.secrecyReference')}
            <input
              name="secrecyReference"
              value={metadata.secrecyReference}
              placeholder={SECRECY_EXAMPLE}
              readOnly={readOnly}
              aria-invalid={!!secrecyError || undefined}
              aria-describedby="secrecy-help"
              onChange={(e) => set('secrecyReference', e.target.value)}
              onBlur={onBlur}
            />
            <small id="secrecy-help" className={secrecyError ? 'field-error' : undefined}>
              {secrecyError ?? t('document.secrecy.packageHelp')}
            </small>
          </label>
          {input('secrecyDecidedBy')}
        </>
      )}
      <label className="field">
        {t('meta.title')}
        <textarea
          name="title"
          rows={3}
          value={metadata.title}
          placeholder={generated}
          readOnly={readOnly}
          onChange={(e) => set('title', e.target.value)}
          onBlur={onBlur}
        />
        <small>{t('document.meta.titleHelp')}</small>
      </label>
    </form>
  );
}
