import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { dnrProblem, STATUS_LABELS, TRANSITIONS } from '../../../shared/domain';
import { secrecyProblem } from '../../../shared/metadata';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { navigate } from '../lib/route';
import { SecrecyFields } from './SecrecyFields';
import { VersionNote } from './VersionNote';
import { SwedishDateInput } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';

type Props = { doc: DocumentDetail; beforeChange: () => Promise<void>; onChanged: (doc: DocumentDetail) => void };

const today = () => new Date().toISOString().slice(0, 10);

/** The steps the workflow allows from here; the core enforces them again whatever the UI shows. */
export function WorkflowControls({ doc, beforeChange, onChanged }: Props) {
  const t = useT();
  const [dialog, setDialog] = useState<'approve' | 'register' | null>(null);
  const [approver, setApprover] = useState('');
  const [dnr, setDnr] = useState(doc.metadata.dnr);
  const [registeredOn, setRegisteredOn] = useState(today());
  const [secrecy, setSecrecy] = useState({
    secrecy: doc.metadata.secrecy === 'sekretess' ? ('sekretess' as const) : ('offentlig' as const),
    secrecyReference: doc.metadata.secrecyReference,
    secrecyDecidedBy: doc.metadata.secrecyDecidedBy,
  });
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = TRANSITIONS[doc.status];

  const step = async (input: Parameters<typeof api.changeStatus>[0]) => {
    setError(null);
    try {
      await beforeChange();
      onChanged(await api.changeStatus(input));
      setDialog(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const dnrIssue = dnrProblem(dnr);
  const dnrError = dnrIssue ? t.text(dnrIssue) : null;
  const secrecyIssue = secrecyProblem(secrecy);
  const secrecyError = secrecyIssue ? t.text(secrecyIssue) : null;

  return (
    <div className="workflow" role="group" aria-label="Arbetsflöde">
      <VersionNote doc={doc} />
      {doc.readOnly && doc.status !== 'utkast' && doc.status !== 'granskning' && (
        <span className="lock" role="img" title={doc.readOnlyReason ?? ''} aria-label="Låst">
          🔒 Låst
        </span>
      )}
      {allowed.includes('granskning') && (
        <button type="button" onClick={() => void step({ id: doc.id, status: 'granskning' })}>
          Skicka på granskning
        </button>
      )}
      {allowed.includes('utkast') && (
        <button type="button" onClick={() => void step({ id: doc.id, status: 'utkast' })}>
          Tillbaka till utkast
        </button>
      )}
      {allowed.includes('justerad') && (
        <button type="button" className="primary" onClick={() => setDialog('approve')}>
          Justera…
        </button>
      )}
      {allowed.includes('registrerad') && (
        <button type="button" className="primary" onClick={() => setDialog('register')}>
          Registrera…
        </button>
      )}
      {/* Only the latest version gets a next one; an old one points to the latest instead (VersionNote). */}
      {(doc.status === 'justerad' || doc.status === 'registrerad') && doc.version === doc.latestVersion && (
        <button
          type="button"
          onClick={() =>
            void api.newVersion({ id: doc.id }).then(
              (d) => navigate({ kind: 'doc', id: d.id }),
              (e: unknown) => setError(errorMessage(e)),
            )
          }
        >
          Ny version
        </button>
      )}
      {error && !dialog && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {dialog === 'approve' && (
        <Dialog title="Justera minnesanteckningarna" onClose={() => setDialog(null)}>
          <p>Efter justeringen låses dokumentet. Ändringar görs sedan bara i en ny version.</p>
          <label className="field">
            Justerad av
            <input value={approver} autoFocus onChange={(e) => setApprover(e.target.value)} />
          </label>
          <DialogFooter
            error={error}
            onCancel={() => setDialog(null)}
            primaryLabel="Justera"
            onPrimary={() => void step({ id: doc.id, status: 'justerad', approvedBy: approver })}
            disabled={!approver.trim()}
          />
        </Dialog>
      )}
      {dialog === 'register' && (
        <Dialog title="Registrera i diariet" onClose={() => setDialog(null)}>
          <label className="field">
            Diarienummer
            <input
              value={dnr}
              autoFocus
              placeholder="A2026/01234"
              aria-invalid={touched && !!dnrError}
              aria-describedby="dnr-help"
              onChange={(e) => {
                setDnr(e.target.value);
                setTouched(true);
              }}
            />
            <small id="dnr-help" className={touched && dnrError ? 'field-error' : undefined}>
              {touched && dnrError ? dnrError : 'Till exempel A2026/01234.'}
            </small>
          </label>
          <label className="field">
            Registreringsdatum
            <SwedishDateInput value={registeredOn} onChange={setRegisteredOn} />
          </label>
          <SecrecyFields value={secrecy} onChange={setSecrecy} error={secrecyError} />
          <DialogFooter
            error={error}
            onCancel={() => setDialog(null)}
            primaryLabel="Registrera"
            onPrimary={() => void step({ id: doc.id, status: 'registrerad', dnr: dnr.trim(), registeredOn, secrecy })}
            disabled={!!dnrError || !registeredOn || !!secrecyError}
          />
        </Dialog>
      )}
      <span className="visually-hidden" aria-live="polite">
        {STATUS_LABELS[doc.status]}
      </span>
    </div>
  );
}
