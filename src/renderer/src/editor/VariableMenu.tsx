import { useEffect, useRef, useState } from 'react';
import { $insertNodes, type LexicalEditor } from 'lexical';
import { $createVariableNode } from '../../../shared/lexical/variable-node';
import { VARIABLE_NAMES } from '../../../shared/variables';
import { useT } from '../i18n/i18n';

/**
 * "Infoga variabel…": a menu button, not a list box, so arrowing through the names inserts nothing
 * (a list box would insert on every arrow key). ↑/↓ move, Enter inserts, Escape closes; focus then
 * goes back to the button, or to the text after an insertion. The names ({{datum}}) are document
 * language, Swedish in any UI.
 */
export function VariableMenu({ editor, onInserted }: { editor: LexicalEditor | null; onInserted: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  useEffect(() => {
    if (!editor) setOpen(false);
  }, [editor]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const insert = (name: string) => {
    if (!editor) return;
    editor.update(() => $insertNodes([$createVariableNode(name)]));
    onInserted();
    setOpen(false);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') to(at + 1);
    else if (e.key === 'ArrowUp') to(at - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className="menu-anchor">
      <button
        ref={button}
        type="button"
        title={t('editor.variables.insertTitle')}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!editor}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('editor.variables.insert')}
      </button>
      {open && (
        <ul
          ref={menu}
          className="menu"
          role="menu"
          aria-label={t('editor.variables.menu')}
          onKeyDown={onKeyDown}
          onBlur={(e) => !menu.current?.contains(e.relatedTarget) && setOpen(false)}
        >
          {VARIABLE_NAMES.map((n) => (
            <li
              key={n}
              role="menuitem"
              lang="sv"
              tabIndex={-1}
              onClick={() => insert(n)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  insert(n);
                }
              }}
            >{`{{${n}}}`}</li>
          ))}
        </ul>
      )}
    </span>
  );
}
