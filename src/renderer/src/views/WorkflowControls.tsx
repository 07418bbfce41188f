import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { dnrProblem, TRANSITIONS } from '../../../shared/domain';
import { secrecyProblem } from '../../../shared/metadata';
import { api, errorMessage } from '../api';
import { Dialog, DialogFooter } from '../components/Dialog';
import { navigate } from '../lib/route';
import { SecrecyFields } from './SecrecyFields';
import { VersionNote } from './VersionNote';
import { SwedishDateInput } from '../components/SwedishDateField';
import { useT } from '../i18n/i18n';
import { lockText } from './lock-text';

type Props = { doc: DocumentDetail; beforeChange: () => Promise<void>; onChanged: (doc: DocumentDetail) => void };

const today = () => new Date().toISOString().slice(0, 10);

/** The way a diarienummer is written, the same in every language. */
const DNR_EXAMPLE = 'A2026/01234';

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
    <div className="workflow" role="group" aria-label={t('document.workflow.label')}>
      <VersionNote doc={doc} />
      {doc.readOnly && doc.status !== 'utkast' && doc.status !== 'granskning' && (
        <span className="lock" role="img" title={lockText(doc, t)} aria-label={t('document.workflow.locked')}>
          🔒 {t('document.workflow.locked')}
        </span>
      )}
      {allowed.includes('granskning') && (
        <button type="button" onClick={() => void step({ id: doc.id, status: 'granskning' })}>
          {t('document.workflow.toReview')}
        </button>
      )}
      {allowed.includes('utkast') && (
        <button type="button" onClick={() => void step({ id: doc.id, status: 'utkast' })}>
          {t('document.workflow.toDraft')}
        </button>
      )}
      {allowed.includes('justerad') && (
        <button type="button" className="primary" onClick={() => setDialog('approve')}>
          {t('document.workflow.approveOpen')}
        </button>
      )}
      {allowed.includes('registrerad') && (
        <button type="button" className="primary" onClick={() => setDialog('register')}>
          {t('document.workflow.registerOpen')}
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
          {t('document.workflow.newVersion')}
        </button>
      )}
      {error && !dialog && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {dialog === 'approve' && (
        <Dialog title={t('document.approve.title')} onClose={() => setDialog(null)}>
          <p>{t('document.approve.intro')}</p>
          <label className="field">
            {t('document.approve.by')}
            <input value={approver} autoFocus onChange={(e) => setApprover(e.target.value)} />
          </label>
          <DialogFooter
            error={error}
            onCancel={() => setDialog(null)}
            primaryLabel={t('document.approve.submit')}
            onPrimary={() => void step({ id: doc.id, status: 'justerad', approvedBy: approver })}
            disabled={!approver.trim()}
          />
        </Dialog>
      )}
      {dialog === 'register' && (
        <Dialog title={t('document.register.title')} onClose={() => setDialog(null)}>
          <label className="field">
            {t('document.register.dnr')}
            <input
              value={dnr}
              autoFocus
              placeholder={DNR_EXAMPLE}
              aria-invalid={touched && !!dnrError}
              aria-describedby="dnr-help"
              onChange={(e) => {
                setDnr(e.target.value);
                setTouched(true);
              }}
            />
            <small id="dnr-help" className={touched && dnrError ? 'field-error' : undefined}>
              {touched && dnrError ? dnrError : t('document.register.dnrHelp')}
            </small>
          </label>
          <label className="field">
            {t('document.register.date')}
            <SwedishDateInput value={registeredOn} onChange={setRegisteredOn} />
          </label>
          <SecrecyFields value={secrecy} onChange={setSecrecy} error={secrecyError} />
          <DialogFooter
            error={error}
            onCancel={() => setDialog(null)}
            primaryLabel={t('document.register.submit')}
            onPrimary={() => void step({ id: doc.id, status: 'registrerad', dnr: dnr.trim(), registeredOn, secrecy })}
            disabled={!!dnrError || !registeredOn || !!secrecyError}
          />
        </Dialog>
      )}
      <span className="visually-hidden" aria-live="polite">
        {t(`status.${doc.status}`)}
      </span>
    </div>
  );
}
