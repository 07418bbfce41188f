import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { countLabel, MAX_FIND_QUERY, type FindOptions } from '../../../../shared/find/match';
import { useT } from '../../i18n/i18n';
import { useFind } from './registry';
import type { FindMode } from './shortcuts';
import { useFindSession } from './useFindSession';
import './find.css';

/**
 * Find and replace in the open document, across all its sections: Ctrl+F / Ctrl+H open it,
 * Enter and Shift+Enter step through the hits, Escape closes it and goes back to the text.
 * Renders nothing while closed; keeps the last query for the next time it opens.
 */
export function FindBar() {
  const t = useT();
  const { request, close } = useFind();
  const active = request !== null;
  const [mode, setMode] = useState<FindMode>('find');
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const options: FindOptions = useMemo(() => ({ matchCase, wholeWord }), [matchCase, wholeWord]);
  const bar = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const clearTop = useCallback(() => (bar.current?.getBoundingClientRect().bottom ?? 0) + 8, []);
  const session = useFindSession({ active, query, options, seq: request?.seq ?? 0, clearTop });

  useEffect(() => {
    if (!request) return;
    setMode(request.mode);
    if (request.query !== null) setQuery(request.query.slice(0, MAX_FIND_QUERY));
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !bar.current?.contains(focused)) returnTo.current = focused;
    const frame = requestAnimationFrame(() => {
      input.current?.focus({ preventScroll: true });
      input.current?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);

  if (!request) return null;

  const closeBar = () => {
    const hit = session.matches[session.current];
    close();
    if (hit?.section.editor.isEditable()) hit.section.editor.focus();
    else if (returnTo.current?.isConnected) returnTo.current.focus({ preventScroll: true });
  };
  const onBarKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') closeBar();
    else if (e.key === 'F3') (e.shiftKey ? session.previous : session.next)();
    else return;
    e.preventDefault();
  };
  const none = session.matches.length === 0;
  const replacing = mode === 'replace';

  return (
    <div ref={bar} className="find-bar" role="search" aria-label={t('editor.find.region')} onKeyDown={onBarKey}>
      <div className="find-row">
        <button
          type="button"
          className="find-toggle"
          aria-label={t('editor.find.showReplace')}
          aria-expanded={replacing}
          title={t('editor.find.replaceTitle')}
          onClick={() => setMode(replacing ? 'find' : 'replace')}
        >
          {replacing ? '▾' : '▸'}
        </button>
        <input
          ref={input}
          type="search"
          aria-label={t('editor.find.query')}
          placeholder={t('editor.find.placeholder')}
          aria-keyshortcuts="Enter Shift+Enter"
          maxLength={MAX_FIND_QUERY}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            (e.shiftKey ? session.previous : session.next)();
          }}
        />
        <span className="find-count" aria-live="polite" aria-atomic="true" data-testid="find-count">
          {query ? countLabel(t, session.current, session.matches.length) : ''}
        </span>
        <button type="button" title={t('editor.find.previousTitle')} disabled={none} onClick={session.previous}>
          {t('editor.find.previous')}
        </button>
        <button type="button" title={t('editor.find.nextTitle')} disabled={none} onClick={session.next}>
          {t('editor.find.next')}
        </button>
      </div>
      <div className="find-row find-indented find-options">
        <label className="find-option">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('editor.find.matchCase')}
        </label>
        <label className="find-option">
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> {t('editor.find.wholeWord')}
        </label>
      </div>
      {replacing && (
        <div className="find-row find-indented">
          <input
            type="text"
            aria-label={t('editor.find.replaceWith')}
            placeholder={t('editor.find.replaceWith')}
            value={replacement}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              session.replace(replacement);
            }}
          />
          {/* aria-disabled, not disabled: after Ersätt alla there is nothing left, and a disabled button would drop the focus (and Escape with it). */}
          <button type="button" aria-disabled={none} onClick={() => !none && session.replace(replacement)}>
            {t('editor.find.replace')}
          </button>
          <button type="button" aria-disabled={none} onClick={() => !none && session.replaceAll(replacement)}>
            {t('editor.find.replaceAll')}
          </button>
        </div>
      )}
      <p className="find-message" aria-live="polite">
        {session.message}
      </p>
      <button
        type="button"
        className="find-close"
        aria-label={t('editor.find.close')}
        title={t('editor.find.closeTitle')}
        onClick={closeBar}
      >
        ×
      </button>
    </div>
  );
}
