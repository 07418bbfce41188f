import type { SaveState } from '../../../shared/autosaver';
import type { MessageKey } from '../../../shared/i18n/catalogue';
import { useT } from '../i18n/i18n';

const TEXT: Record<SaveState, MessageKey> = {
  saved: 'document.save.saved',
  pending: 'document.save.pending',
  saving: 'document.save.saving',
  error: 'document.save.error',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  const t = useT();
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite" data-state={state}>
      {t(TEXT[state])}
    </span>
  );
}
