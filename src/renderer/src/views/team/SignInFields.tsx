import { useState } from 'react';
import type { TeamAccount } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { DialogFooter } from '../../components/Dialog';
import { useT } from '../../i18n/i18n';

/** Server address and one-time code, exchanged for a sign-in kept on this computer. */
export function SignInFields({
  onSignedIn,
  onCancel,
  primaryLabel,
}: {
  onSignedIn: (a: TeamAccount) => void;
  onCancel: () => void;
  primaryLabel: string;
}) {
  const t = useT();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.teamSignIn({ serverUrl, code }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>{t('documents.team.signInIntro')}</p>
      <label className="field">
        {t('documents.team.server')}
        <input
          value={serverUrl}
          autoFocus
          placeholder={t('documents.team.serverPlaceholder')}
          onChange={(e) => setServerUrl(e.target.value)}
        />
      </label>
      <label className="field">
        {t('documents.team.code')}
        <input value={code} autoComplete="one-time-code" onChange={(e) => setCode(e.target.value)} />
      </label>
      <DialogFooter
        error={error}
        onCancel={onCancel}
        primaryLabel={primaryLabel}
        onPrimary={() => void submit()}
        disabled={busy || !serverUrl.trim() || !code.trim()}
      />
    </>
  );
}
