import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/domain';
import type { TeamAccount, TeamDocument } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { navigate } from '../../lib/route';
import { SignInFields } from './SignInFields';

/** The team's shared documents on the list page, for whoever is signed in; nothing (and no request) otherwise. */
export function TeamDocuments() {
  const [account, setAccount] = useState<TeamAccount | null>(null);
  const [docs, setDocs] = useState<TeamDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signIn, setSignIn] = useState(false);
  const load = useCallback(async () => {
    try {
      const a = await api.teamAccount({});
      setAccount(a);
      if (a) setDocs(await api.listTeamDocuments({}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const open = async (id: string) => {
    try {
      const d = await api.openTeamDocument({ id });
      navigate({ kind: 'doc', id: d.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="team-documents" aria-label="Teamets dokument">
      {!account ? (
        <button type="button" onClick={() => setSignIn(true)}>
          Logga in på teamserver…
        </button>
      ) : (
        <>
          <h2>Teamets dokument</h2>
          <p className="hint">
            Inloggad som {account.user.name} ({account.user.role}) på {account.serverUrl}.{' '}
            <button type="button" className="link" onClick={() => void api.teamSignOut({}).then(() => (setAccount(null), setDocs(null)))}>
              Logga ut
            </button>
          </p>
          {docs?.length === 0 && <p className="empty">Inga delade dokument ännu.</p>}
          {docs && docs.length > 0 && (
            <ul className="team-list">
              {docs.map((d) => (
                <li key={d.id}>
                  <button type="button" className="link" onClick={() => void open(d.id)}>
                    {d.title}
                  </button>{' '}
                  <span className={`status status-${d.status}`}>{STATUS_LABELS[d.status]}</span>
                  {d.meetingDate && <span> · {d.meetingDate}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {signIn && (
        <Dialog title="Logga in på teamserver" onClose={() => setSignIn(false)}>
          <SignInFields
            primaryLabel="Logga in"
            onCancel={() => setSignIn(false)}
            onSignedIn={() => {
              setSignIn(false);
              void load();
            }}
          />
        </Dialog>
      )}
    </section>
  );
}
