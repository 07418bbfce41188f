import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/**
 * A modal <dialog>: Escape closes it, focus stays inside, and when it closes focus goes back to the
 * control that opened it. A control marked `data-autofocus` gets focus first (the preview's Stäng:
 * the PDF viewer would otherwise take focus, and with it Escape).
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const d = ref.current;
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    d?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      d?.close();
      // Still on the page (a row button may have been replaced meanwhile): back to where the user was.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

type FooterProps = {
  error: string | null;
  onCancel: () => void;
  primaryLabel: string;
  onPrimary: () => void;
  disabled?: boolean;
};

/** The message line and the Avbryt / primary buttons every dialog ends with. */
export function DialogFooter({ error, onCancel, primaryLabel, onPrimary, disabled }: FooterProps) {
  const t = useT();
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={disabled} onClick={onPrimary}>
          {primaryLabel}
        </button>
      </div>
    </>
  );
}
