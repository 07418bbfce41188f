import { useState } from 'react';
import { $getSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';
import { Dialog, DialogFooter } from '../components/Dialog';
import { selectedLinkUrl, setLink } from './rich-plugins';

const REFUSED = 'Länken måste vara en webbadress (https://…) eller en e-postadress.';

/** The selection as it was when the dialog opened: the dialog's own field takes focus from the text. */
export function savedSelection(editor: LexicalEditor): BaseSelection | null {
  return editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
}

/** "Länk…": sets, changes or removes the link on the selected text (web and e-mail addresses only). */
export function LinkDialog({
  editor,
  selection,
  onClose,
}: {
  editor: LexicalEditor;
  selection: BaseSelection | null;
  onClose: () => void;
}) {
  const current = selectedLinkUrl(editor);
  const [address, setAddress] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const apply = (value: string | null) => {
    editor.update(() => $setSelection(selection?.clone() ?? null), { discrete: true });
    if (!setLink(editor, value)) return setError(REFUSED);
    onClose();
    editor.focus();
  };
  return (
    <Dialog title="Länk" onClose={onClose}>
      <label className="field">
        Adress
        <input value={address} autoFocus placeholder="https://www.regeringen.se" onChange={(e) => setAddress(e.target.value)} />
      </label>
      {current && (
        <button type="button" onClick={() => apply(null)}>
          Ta bort länken
        </button>
      )}
      <DialogFooter error={error} onCancel={onClose} primaryLabel="Spara" onPrimary={() => apply(address)} disabled={!address.trim()} />
    </Dialog>
  );
}
