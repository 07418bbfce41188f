import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { isGlobalSearchKey } from '../../../shared/find/keys';
import { api, errorMessage } from '../api';
import { useT } from '../i18n/i18n';
import { navigate, parseRoute } from '../lib/route';

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The snippet as text, with the hit ranges as <mark>: document text is never treated as HTML. */
function marked(hit: SearchHit): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start > at) out.push(hit.snippet.slice(at, start));
    out.push(<mark key={start}>{hit.snippet.slice(start, end)}</mark>);
    at = end;
  }
  out.push(hit.snippet.slice(at));
  return out;
}

/** Search across all minutes: arrows and Enter to open; the document opens on the first hit, highlighted. */
export function SearchBox() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isGlobalSearchKey(e, parseRoute(window.location.hash).kind === 'doc')) return;
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.searchDocuments({ query }).then(
        (h) => {
          if (!live) return;
          setHits(h);
          setActive(0);
          setError(null);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    // The words as typed, one space apart: the document opens with find on them.
    const words = query.trim().replace(/\s+/gu, ' ');
    setQuery('');
    setHits(null);
    input.current?.blur();
    navigate(words ? { kind: 'doc', id: hit.id, query: words } : { kind: 'doc', id: hit.id });
  };

  return (
    <div className="search" role="search" aria-label={t('documents.search.label')}>
      <input
        ref={input}
        type="search"
        aria-label={t('documents.search.label')}
        aria-keyshortcuts={MAC ? 'Meta+K Meta+Shift+F' : 'Control+K Control+Shift+F'}
        placeholder={t('documents.search.placeholder', { shortcut: MAC ? '⌘K' : 'Ctrl+K' })}
        value={query}
        aria-controls={hits ? 'search-results' : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min((hits?.length ?? 1) - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter') open(hits?.[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {error && <div className="search-results error">{error}</div>}
      {hits && (
        <ul id="search-results" className="search-results" role="listbox" aria-label={t('documents.search.results')}>
          {hits.length === 0 && <li className="empty">{t('documents.search.none')}</li>}
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), open(h))}>
              <div className="hit-title">
                {h.date ?? '–'} · {h.title}
                {h.version > 1 && ` · ${t('documents.version.plain', { version: String(h.version) })}`}
              </div>
              <div className="hit-snippet" lang="sv">
                {marked(h)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
