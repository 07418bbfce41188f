import { useState } from 'react';
import { $getSelection, $setSelection, type BaseSelection, type LexicalEditor } from 'lexical';
import { Dialog, DialogFooter } from '../components/Dialog';
import { useT } from '../i18n/i18n';
import { selectedLinkUrl, setLink } from './rich-plugins';

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
  const t = useT();
  const current = selectedLinkUrl(editor);
  const [address, setAddress] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);
  const apply = (value: string | null) => {
    editor.update(() => $setSelection(selection?.clone() ?? null), { discrete: true });
    if (!setLink(editor, value)) return setError(t('editor.link.refused'));
    onClose();
    editor.focus();
  };
  return (
    <Dialog title={t('editor.link.title')} onClose={onClose}>
      <label className="field">
        {t('editor.link.address')}
        <input value={address} autoFocus placeholder={t('editor.link.placeholder')} onChange={(e) => setAddress(e.target.value)} />
      </label>
      {current && (
        <button type="button" onClick={() => apply(null)}>
          {t('editor.link.remove')}
        </button>
      )}
      <DialogFooter
        error={error}
        onCancel={onClose}
        primaryLabel={t('common.save')}
        onPrimary={() => apply(address)}
        disabled={!address.trim()}
      />
    </Dialog>
  );
}
