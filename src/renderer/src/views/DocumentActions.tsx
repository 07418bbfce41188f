import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { api } from '../api';
import { SaveIndicator } from '../components/SaveIndicator';
import { useT } from '../i18n/i18n';
import { navigate } from '../lib/route';
import { HistoryDialog } from '../lazy-views';
import { ExportControls } from './ExportControls';
import { NextMeetingDialog } from './NextMeetingDialog';
import { SaveAsTemplateDialog } from './SaveAsTemplateDialog';
import { WorkflowControls } from './WorkflowControls';
import type { TeamBinding } from './TeamGate';
import { ShareDialog } from './team/ShareDialog';
import { TeamBar } from './team/TeamBar';
import type { useDocumentSession } from './useDocumentSession';

type Props = {
  doc: DocumentDetail;
  s: ReturnType<typeof useDocumentSession>;
  team: TeamBinding | null;
  onReplace: (doc: DocumentDetail) => void;
  klarsprak: boolean;
  onToggleKlarsprak: () => void;
};

/**
 * Everything about the document as a whole, one region for F6: back to the list, status and save
 * state (a polite live region, errors included), the workflow, versions, history and export.
 */
export function DocumentActions({ doc, s, team, onReplace, klarsprak, onToggleKlarsprak }: Props) {
  const t = useT();
  const readOnly = doc.readOnly;
  const [dialog, setDialog] = useState<'share' | 'history' | 'next' | 'template' | null>(null);
  const close = () => setDialog(null);
  const [versionSaved, setVersionSaved] = useState(false);
  const [versionName, setVersionName] = useState('');
  const nameRef = useRef(versionName);
  nameRef.current = versionName;
  const saveVersion = async () => {
    await s.flushNow();
    await api.saveVersion({ id: doc.id, name: nameRef.current });
    setVersionName('');
    setVersionSaved(true);
    setTimeout(() => setVersionSaved(false), 2500);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (!doc.readOnly) void saveVersion();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="doc-top" aria-label={t('document.actions.label')} data-region="actions">
      <div className="doc-bar">
        <button type="button" onClick={() => navigate({ kind: 'list' })}>
          {t('document.actions.back')}
        </button>
        <span className={`status status-${doc.status}`}>{t(`status.${doc.status}`)}</span>
        {!readOnly && <SaveIndicator state={s.saveState} />}
        <span className="error-inline" aria-live="polite" data-testid="save-error">
          {s.saveError ?? ''}
        </span>
        <WorkflowControls doc={doc} beforeChange={s.flushNow} onChanged={onReplace} />
      </div>
      {team && <TeamBar team={team} />}
      <div className="doc-actions">
        {!readOnly && (
          <>
            <input
              className="version-name"
              aria-label={t('document.version.nameLabel')}
              placeholder={t('document.version.namePlaceholder')}
              maxLength={200}
              value={versionName}
              onChange={(e) => setVersionName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                void saveVersion();
              }}
            />
            <button type="button" title={t('document.version.saveTitle')} onClick={() => void saveVersion()}>
              {versionSaved ? t('document.version.saved') : t('document.version.save')}
            </button>
          </>
        )}
        <button type="button" onClick={() => setDialog('history')}>
          {t('document.actions.history')}
        </button>
        {!team && !readOnly && (
          <button type="button" onClick={() => setDialog('share')}>
            {t('document.actions.share')}
          </button>
        )}
        <button type="button" onClick={() => setDialog('next')}>
          {t('document.actions.nextMeeting')}
        </button>
        <button type="button" onClick={() => setDialog('template')}>
          {t('document.actions.saveAsTemplate')}
        </button>
        <button type="button" aria-pressed={klarsprak} title={t('document.actions.klarsprakTitle')} onClick={onToggleKlarsprak}>
          {t('document.actions.klarsprak')}
        </button>
        <ExportControls
          id={doc.id}
          beforeExport={s.flushNow}
          canPackage={
            // A version replaced by a newer approved one is no longer what the register holds.
            !doc.versions.some((v) => v.version > doc.version && (v.status === 'justerad' || v.status === 'registrerad')) &&
            ((doc.status === 'justerad' && !!doc.metadata.dnr) || doc.status === 'registrerad')
          }
        />
      </div>
      {dialog === 'share' && (
        <ShareDialog
          doc={doc}
          beforeShare={s.flushNow}
          onClose={close}
          onShared={(d) => {
            close();
            onReplace(d);
          }}
        />
      )}
      {dialog === 'next' && <NextMeetingDialog doc={doc} onClose={close} />}
      {dialog === 'template' && <SaveAsTemplateDialog doc={doc} onClose={close} />}
      {dialog === 'history' && <HistoryDialog docId={doc.id} onClose={close} beforeRestore={s.flushNow} onRestored={onReplace} />}
    </section>
  );
}
