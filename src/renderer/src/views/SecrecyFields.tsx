import { METADATA_LABELS } from '../../../shared/metadata';

export type SecrecyValue = { secrecy: 'offentlig' | 'sekretess'; secrecyReference: string; secrecyDecidedBy: string };

type Props = { value: SecrecyValue; onChange: (v: SecrecyValue) => void; error: string | null };

/**
 * The secrecy assessment in the Registrera dialog: registration is when the register records
 * whether the minutes are public, so the question is asked there again, prefilled from the form.
 */
export function SecrecyFields({ value, onChange, error }: Props) {
  const set = (patch: Partial<SecrecyValue>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="field secrecy">
      <legend>{METADATA_LABELS.secrecy}</legend>
      <label>
        <input type="radio" name="reg-secrecy" checked={value.secrecy === 'offentlig'} onChange={() => set({ secrecy: 'offentlig' })} />{' '}
        Offentlig
      </label>
      <label>
        <input type="radio" name="reg-secrecy" checked={value.secrecy === 'sekretess'} onChange={() => set({ secrecy: 'sekretess' })} />{' '}
        Sekretess
      </label>
      {value.secrecy === 'sekretess' && (
        <>
          <label className="field">
            {METADATA_LABELS.secrecyReference}
            <input
              value={value.secrecyReference}
              placeholder="OSL 15 kap. 1 §"
              aria-invalid={!!error || undefined}
              aria-describedby="reg-secrecy-help"
              onChange={(e) => set({ secrecyReference: e.target.value })}
            />
            <small id="reg-secrecy-help" className={error ? 'field-error' : undefined}>
              {error ?? 'Lagrummet för sekretessen, till exempel OSL 15 kap. 1 §.'}
            </small>
          </label>
          <label className="field">
            {METADATA_LABELS.secrecyDecidedBy}
            <input value={value.secrecyDecidedBy} onChange={(e) => set({ secrecyDecidedBy: e.target.value })} />
          </label>
        </>
      )}
    </fieldset>
  );
}
