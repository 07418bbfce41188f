import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/document';
import type { TeamAccount } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { SignInFields } from './SignInFields';

/** "Dela med teamet…": signs in if needed, then puts the document on the team server. */
export function ShareDialog({
  doc,
  beforeShare,
  onClose,
  onShared,
}: {
  doc: DocumentDetail;
  beforeShare: () => Promise<void>;
  onClose: () => void;
  onShared: (d: DocumentDetail) => void;
}) {
  const [account, setAccount] = useState<TeamAccount | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.teamAccount({}).then(setAccount, (e: unknown) => {
      setError(errorMessage(e));
      setAccount(null);
    });
  }, []);
  const share = async () => {
    setError(null);
    try {
      await beforeShare();
      onShared(await api.shareDocument({ id: doc.id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title="Dela med teamet" onClose={onClose}>
      {account === undefined ? (
        <p aria-busy="true">Läser in…</p>
      ) : account === null ? (
        <SignInFields primaryLabel="Logga in" onCancel={onClose} onSignedIn={setAccount} />
      ) : (
        <>
          <p>
            Dokumentet läggs på teamservern {account.serverUrl}, där teamet kan skriva i det samtidigt. Du är inloggad som{' '}
            {account.user.name} ({account.user.role}).
          </p>
          <DialogFooter error={error} onCancel={onClose} primaryLabel="Dela" onPrimary={() => void share()} />
        </>
      )}
    </Dialog>
  );
}
