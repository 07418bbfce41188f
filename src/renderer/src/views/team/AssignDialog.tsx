import { useEffect, useState } from 'react';
import { TeamRoleSchema, type TeamUser } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog, DialogFooter } from '../../components/Dialog';
import { useT } from '../../i18n/i18n';

/** The secretary chooses which rapportörer may write one section (the server enforces it). */
export function AssignDialog({
  docId,
  section,
  heading,
  onClose,
}: {
  docId: string;
  section: string;
  heading: string;
  onClose: () => void;
}) {
  const t = useT();
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listTeamUsers({}).then(
      (u) => setUsers(u.filter((x) => x.role === TeamRoleSchema.enum.rapportör)),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  const save = async () => {
    try {
      await api.assignSection({ id: docId, section, userIds: [...chosen] });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={t('documents.assign.title', { heading })} onClose={onClose}>
      {users === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {users?.length === 0 && <p>{t('documents.assign.none')}</p>}
      {users?.map((u) => (
        <label key={u.id} className="check">
          <input
            type="checkbox"
            checked={chosen.has(u.id)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(u.id);
              else next.delete(u.id);
              setChosen(next);
            }}
          />{' '}
          {u.name}
        </label>
      ))}
      <p className="hint">{t('documents.assign.hint')}</p>
      <DialogFooter error={error} onCancel={onClose} primaryLabel={t('common.save')} onPrimary={() => void save()} />
    </Dialog>
  );
}
