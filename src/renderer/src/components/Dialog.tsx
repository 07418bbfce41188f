import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: Escape closes it, focus stays inside. */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
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
  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
        <button type="button" className="primary" disabled={disabled} onClick={onPrimary}>
          {primaryLabel}
        </button>
      </div>
    </>
  );
}
