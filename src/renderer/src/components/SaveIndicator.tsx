import type { SaveState } from '../../../shared/autosaver';

const TEXT: Record<SaveState, string> = {
  saved: 'Sparat',
  pending: 'Ändrat',
  saving: 'Sparar…',
  error: 'Kunde inte spara – försöker igen',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite" data-state={state}>
      {TEXT[state]}
    </span>
  );
}
