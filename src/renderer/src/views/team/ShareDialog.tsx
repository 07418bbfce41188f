import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/document';
import type { TeamAccount } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { useT } from '../../i18n/i18n';
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
  const t = useT();
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
    <Dialog title={t('documents.share.title')} onClose={onClose}>
      {account === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : account === null ? (
        <SignInFields primaryLabel={t('documents.team.signIn')} onCancel={onClose} onSignedIn={setAccount} />
      ) : (
        <>
          <p>
            {t('documents.share.body', {
              server: account.serverUrl,
              name: account.user.name,
              role: t(`documents.team.role.${account.user.role}`),
            })}
          </p>
          <DialogFooter error={error} onCancel={onClose} primaryLabel={t('documents.share.share')} onPrimary={() => void share()} />
        </>
      )}
    </Dialog>
  );
}
