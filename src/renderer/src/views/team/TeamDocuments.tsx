import { useCallback, useEffect, useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/domain';
import type { TeamAccount, TeamDocument, TeamUser } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { navigate } from '../../lib/route';
import { SignInFields } from './SignInFields';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const templatesAndSeries = (t: number, s: number) => `${count(t, 'mall', 'mallar')} och ${count(s, 'serie', 'serier')}`;

/** What a fetch did, in a sentence: "3 mallar och 1 serie hämtade, 2 oförändrade." */
function fetchedSentence(r: { templates: number; series: number; unchanged: number }): string {
  const alike = r.unchanged === 0 ? '' : `, ${count(r.unchanged, 'oförändrad', 'oförändrade')}`;
  if (r.templates === 0 && r.series === 0) {
    return r.unchanged === 0 ? 'Teamet har inga mallar eller serier att hämta.' : `Inget nytt att hämta${alike}.`;
  }
  return `${templatesAndSeries(r.templates, r.series)} hämtade${alike}.`;
}

/** The team's template library and series: a sekreterare shares this computer's, anyone fetches them. */
function TeamLibrary({ role }: { role: TeamUser['role'] }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setDone(null);
    setFailed(null);
    try {
      setDone(await work());
    } catch (e) {
      setFailed(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const share = async () => {
    const r = await api.shareTeamLibrary({});
    return `${templatesAndSeries(r.templates, r.series)} delade med teamet.`;
  };
  const fetchAll = async () => fetchedSentence(await api.fetchTeamLibrary({}));
  return (
    <div className="team-library">
      {role === 'sekreterare' && (
        <button type="button" disabled={busy} onClick={() => void run(share)}>
          Dela mina mallar och serier
        </button>
      )}{' '}
      <button type="button" disabled={busy} onClick={() => void run(fetchAll)}>
        Hämta teamets mallar och serier
      </button>
      {done && <p role="status">{done}</p>}
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </div>
  );
}

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
          <TeamLibrary role={account.user.role} />
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
