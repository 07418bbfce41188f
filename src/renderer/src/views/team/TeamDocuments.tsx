import { useCallback, useEffect, useState } from 'react';
import type { TeamAccount, TeamDocument, TeamUser } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useT, type Translate } from '../../i18n/i18n';
import { navigate } from '../../lib/route';
import { SignInFields } from './SignInFields';

/** The counted words of a library message: "3 mallar", "1 serie". */
const counts = (t: Translate, r: { templates: number; series: number }) => ({
  templates: t.n('documents.library.templates', r.templates),
  series: t.n('documents.library.series', r.series),
});

/** What a fetch did, in a sentence: "3 mallar och 1 serie hämtade, 2 oförändrade." */
function fetchedSentence(t: Translate, r: { templates: number; series: number; unchanged: number }): string {
  const unchanged = t.n('documents.library.unchanged', r.unchanged);
  if (r.templates === 0 && r.series === 0) {
    return r.unchanged === 0 ? t('documents.library.nothing') : t('documents.library.nothingNew', { unchanged });
  }
  return r.unchanged === 0
    ? t('documents.library.fetched', counts(t, r))
    : t('documents.library.fetchedUnchanged', { ...counts(t, r), unchanged });
}

/** The team's template library and series: a sekreterare shares this computer's, anyone fetches them. */
function TeamLibrary({ role }: { role: TeamUser['role'] }) {
  const t = useT();
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
    return t('documents.library.shared', counts(t, r));
  };
  const fetchAll = async () => fetchedSentence(t, await api.fetchTeamLibrary({}));
  return (
    <div className="team-library">
      {role === 'sekreterare' && (
        <button type="button" disabled={busy} onClick={() => void run(share)}>
          {t('documents.library.share')}
        </button>
      )}{' '}
      <button type="button" disabled={busy} onClick={() => void run(fetchAll)}>
        {t('documents.library.fetch')}
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
  const t = useT();
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
    <section className="team-documents" aria-label={t('documents.team.documents')}>
      {!account ? (
        <button type="button" onClick={() => setSignIn(true)}>
          {t('documents.team.signInButton')}
        </button>
      ) : (
        <>
          <h2>{t('documents.team.documents')}</h2>
          <p className="hint">
            {t('documents.team.signedInAs', {
              name: account.user.name,
              role: t(`documents.team.role.${account.user.role}`),
              server: account.serverUrl,
            })}{' '}
            <button type="button" className="link" onClick={() => void api.teamSignOut({}).then(() => (setAccount(null), setDocs(null)))}>
              {t('documents.team.signOut')}
            </button>
          </p>
          <TeamLibrary role={account.user.role} />
          {docs?.length === 0 && <p className="empty">{t('documents.team.noShared')}</p>}
          {docs && docs.length > 0 && (
            <ul className="team-list">
              {docs.map((d) => (
                <li key={d.id}>
                  <button type="button" className="link" onClick={() => void open(d.id)}>
                    {d.title}
                  </button>{' '}
                  <span className={`status status-${d.status}`}>{t(`status.${d.status}`)}</span>
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
        <Dialog title={t('documents.team.signInTitle')} onClose={() => setSignIn(false)}>
          <SignInFields
            primaryLabel={t('documents.team.signIn')}
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
