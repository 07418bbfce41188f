import { useT } from '../i18n/i18n';

export type SecrecyValue = { secrecy: 'offentlig' | 'sekretess'; secrecyReference: string; secrecyDecidedBy: string };

/** A Swedish legal provision, written the same whatever the UI's language. */
const SECRECY_EXAMPLE = 'OSL 15 kap. 1 §';

type Props = { value: SecrecyValue; onChange: (v: SecrecyValue) => void; error: string | null };

/**
 * The secrecy assessment in the Registrera dialog: registration is when the register records
 * whether the minutes are public, so the question is asked there again, prefilled from the form.
 */
export function SecrecyFields({ value, onChange, error }: Props) {
  const t = useT();
  const set = (patch: Partial<SecrecyValue>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="field secrecy">
      <legend>{t('meta.secrecy')}</legend>
      <label>
        <input type="radio" name="reg-secrecy" checked={value.secrecy === 'offentlig'} onChange={() => set({ secrecy: 'offentlig' })} />{' '}
        {t('document.secrecy.public')}
      </label>
      <label>
        <input type="radio" name="reg-secrecy" checked={value.secrecy === 'sekretess'} onChange={() => set({ secrecy: 'sekretess' })} />{' '}
        {t('document.secrecy.secret')}
      </label>
      {value.secrecy === 'sekretess' && (
        <>
          <label className="field">
            {t('meta.secrecyReference')}
            <input
              value={value.secrecyReference}
              placeholder={SECRECY_EXAMPLE}
              aria-invalid={!!error || undefined}
              aria-describedby="reg-secrecy-help"
              onChange={(e) => set({ secrecyReference: e.target.value })}
            />
            <small id="reg-secrecy-help" className={error ? 'field-error' : undefined}>
              {error ?? t('document.secrecy.referenceHelp')}
            </small>
          </label>
          <label className="field">
            {t('meta.secrecyDecidedBy')}
            <input value={value.secrecyDecidedBy} onChange={(e) => set({ secrecyDecidedBy: e.target.value })} />
          </label>
        </>
      )}
    </fieldset>
  );
}
