import { useEffect, useReducer, useState, type ReactNode } from 'react';
import type { DocumentDetail } from '../../../shared/document';
import { api, errorMessage } from '../api';
import { useT } from '../i18n/i18n';
import type { SharedSectionPlugin, TeamSession } from '../team';

export type TeamBinding = {
  session: TeamSession;
  Plugin: typeof SharedSectionPlugin;
  /** Changes whenever the connection, presence or rights change, so the view re-reads them. */
  tick: number;
  error: string | null;
};

type Props = {
  doc: DocumentDetail;
  /** The local copy's status followed the server's (approved elsewhere): reopen it. */
  onStatusChanged: (doc: DocumentDetail) => void;
  onConflict: () => void;
  /** `lock`: why a shared document opens read-only here (nobody signed in), else null. */
  children: (team: TeamBinding | null, lock: string | null) => ReactNode;
};

/**
 * Opens a document's team connection before its editors mount, so they mount once, in the right
 * mode. A document that is not shared is handed on at once with no connection (and no Yjs loaded).
 */
export function TeamGate({ doc, onStatusChanged, onConflict, children }: Props) {
  const t = useT();
  const [state, setState] = useState<{
    ready: boolean;
    session: TeamSession | null;
    Plugin: typeof SharedSectionPlugin | null;
    /** Shared, and nobody signed in: the text is only read here. */
    signedOut: boolean;
  }>({ ready: false, session: null, Plugin: null, signedOut: false });
  const [tick, bump] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let session: TeamSession | null = null;
    void (async () => {
      try {
        const info = await api.sharedInfo({ id: doc.id });
        if (!live) return;
        if (info.serverStatus && info.serverStatus !== doc.status) {
          onStatusChanged(await api.getDocument({ id: doc.id }));
          return;
        }
        // Signed out, a shared document is only read: edits here would never reach the team's text.
        if (!info.shared || !info.account) return setState({ ready: true, session: null, Plugin: null, signedOut: info.shared });
        const team = await import('../team');
        if (!live) return;
        session = new team.TeamSession(doc.id, info.account, info, { onChange: bump, onConflict, onError: setError });
        setState({ ready: true, session, Plugin: team.SharedSectionPlugin, signedOut: false });
      } catch (e) {
        if (!live) return;
        setError(errorMessage(e));
        setState({ ready: true, session: null, Plugin: null, signedOut: false });
      }
    })();
    return () => {
      live = false;
      session?.destroy();
    };
    // One connection per opened document; a replaced document remounts this gate.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.id]);
  if (!state.ready) return <p aria-busy="true">{t('common.opening')}</p>;
  const team = state.session && state.Plugin ? { session: state.session, Plugin: state.Plugin, tick, error } : null;
  return <>{children(team, state.signedOut ? t('documents.team.signedOut') : null)}</>;
}
