import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/i18n';
import { suggestionsFor } from './spell-service';

type Props = {
  word: string;
  x: number;
  y: number;
  onPick: (suggestion: string) => void;
  onAdd: () => void;
  onIgnore: () => void;
  /** `refocus`: put the focus back in the text (Escape, a choice), not when the click went elsewhere. */
  onClose: (refocus: boolean) => void;
};

const items = (menu: HTMLElement | null) => [
  ...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
];

/**
 * The menu on a misspelt word: up to five corrections, "Lägg till i ordlistan" and "Ignorera".
 * A real menu for the keyboard: focus on the first item, arrows, Home/End, Enter, Escape closes.
 */
export function SpellMenu({ word, x, y, onPick, onAdd, onIgnore, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const [pos, setPos] = useState({ left: x, top: y });

  useEffect(() => {
    let live = true;
    void suggestionsFor(word).then((s) => {
      if (live) setSuggestions(s);
    });
    return () => {
      live = false;
    };
  }, [word]);

  // Inside the window, and the first item focused (again once the suggestions are in, unless the person moved on).
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const r = menu.getBoundingClientRect();
    setPos({
      left: Math.max(4, Math.min(x, window.innerWidth - r.width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - r.height - 4)),
    });
    if (!moved.current) items(menu)[0]?.focus({ preventScroll: true });
  }, [x, y, suggestions]);

  useEffect(() => {
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    const scrolled = () => onClose(false);
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('resize', scrolled);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('resize', scrolled);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = items(ref.current);
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => {
      moved.current = true;
      list[(i + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const act = (fn: () => void) => () => {
    fn();
    onClose(true);
  };

  return createPortal(
    <div ref={ref} role="menu" aria-label={t('editor.spell.menu', { word })} className="spell-menu" style={pos} onKeyDown={onKeyDown}>
      {suggestions === null ? (
        <div role="menuitem" aria-disabled="true" className="spell-menu-note">
          {t('editor.spell.searching')}
        </div>
      ) : suggestions.length === 0 ? (
        <div role="menuitem" aria-disabled="true" className="spell-menu-note">
          {t('editor.spell.none')}
        </div>
      ) : (
        suggestions.map((s) => (
          <button key={s} type="button" role="menuitem" tabIndex={-1} className="spell-menu-suggestion" onClick={act(() => onPick(s))}>
            {s}
          </button>
        ))
      )}
      <div role="separator" className="spell-menu-separator" />
      <button type="button" role="menuitem" tabIndex={-1} onClick={act(onAdd)}>
        {t('editor.spell.add')}
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={act(onIgnore)}>
        {t('editor.spell.ignore')}
      </button>
    </div>,
    document.body,
  );
}
