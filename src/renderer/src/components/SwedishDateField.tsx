import { useId, useState } from 'react';
import { parseSwedishDate } from '../../../shared/swedish-date';
import { useT } from '../i18n/i18n';
import { formatUiDate } from '../i18n/formats';

type InputProps = {
  /** The id of the element that explains the field (and says when the date could not be read). */
  describedBy?: string;
  onWrong?: (wrong: boolean) => void;
  name?: string;
  /** ISO date, or '' when none. */
  value: string;
  onChange: (iso: string) => void;
  onBlur?: () => void;
  readOnly?: boolean;
  missing?: boolean;
  autoFocus?: boolean;
  /** Where no <label> surrounds it (a row of a table of dates). */
  ariaLabel?: string;
};

/**
 * A date input that is the UI's whatever the browser's locale (the browser's own date input shows
 * mm/dd/yyyy in an English one): it takes the ways a date is written in Sweden (and English month
 * names) and shows "9 juni 2026", or "9 June 2026" in the English UI.
 * What cannot be read stays in the field with a message; the date it holds is not changed by it.
 * Put it inside a <label> with the field's name.
 */
export function SwedishDateInput(props: InputProps) {
  const { name, value, onChange, onBlur, readOnly = false, missing = false, autoFocus, ariaLabel, describedBy, onWrong } = props;
  const t = useT();
  const shown = (iso: string) => formatUiDate(t.lang, iso);
  const [typing, setTyping] = useState<string | null>(null);
  const wrong = typing !== null && typing.trim() !== '' && parseSwedishDate(typing) === null;
  return (
    <input
      type="text"
      name={name}
      autoComplete="off"
      autoFocus={autoFocus}
      aria-label={ariaLabel}
      value={typing ?? shown(value)}
      readOnly={readOnly}
      placeholder={t('document.date.placeholder')}
      title={t('document.date.hint')}
      aria-invalid={wrong || missing || undefined}
      aria-describedby={describedBy}
      onFocus={() => setTyping(shown(value))}
      onChange={(e) => {
        setTyping(e.target.value);
        const iso = e.target.value.trim() === '' ? '' : parseSwedishDate(e.target.value);
        onWrong?.(e.target.value.trim() !== '' && iso === null);
        if (iso !== null && iso !== value) onChange(iso);
      }}
      onBlur={() => {
        if (!wrong) setTyping(null);
        onBlur?.();
      }}
    />
  );
}

/** The meeting facts' date: a labelled SwedishDateInput, marked when a variable needs it. */
export function SwedishDateField({ label, missing = false, ...props }: InputProps & { label: string }) {
  const t = useT();
  const hintId = useId();
  const [wrong, setWrong] = useState(false);
  // The hint sits outside the label, so the field's name stays just its label.
  return (
    <div className="date-field">
      <label className={`field${missing ? ' field-missing' : ''}`}>
        {label}
        <SwedishDateInput {...props} missing={missing} describedBy={hintId} onWrong={setWrong} />
      </label>
      <small id={hintId} className={wrong ? 'field-error' : 'field-hint'} aria-live="polite">
        {wrong ? t('document.date.unreadable') : t('document.date.hint')}
      </small>
    </div>
  );
}
