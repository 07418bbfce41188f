import { useEffect, useState } from 'react';
import type { TeamUser } from '../../../../shared/team';
import { api, errorMessage } from '../../api';
import { Dialog, DialogFooter } from '../../components/Dialog';

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
  const [users, setUsers] = useState<TeamUser[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listTeamUsers({}).then(
      (u) => setUsers(u.filter((x) => x.role === 'rapportör')),
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
    <Dialog title={`Vem skriver i ${heading}?`} onClose={onClose}>
      {users === null && !error && <p aria-busy="true">Läser in…</p>}
      {users?.length === 0 && <p>Det finns inga rapportörer på servern ännu.</p>}
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
      <p className="hint">Sekreterare skriver i alla avsnitt; övriga kan läsa.</p>
      <DialogFooter error={error} onCancel={onClose} primaryLabel="Spara" onPrimary={() => void save()} />
    </Dialog>
  );
}
