import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { mergeRegister } from '@lexical/utils';
import { stepIndex, type FindOptions } from '../../../../shared/find/match';
import { useT } from '../../i18n/i18n';
import { clearHighlights, paintHighlights, scrollToMatch } from './highlight';
import { collectMatches, replaceInSection, replaceOne, selectMatch, type FindMatch } from './matches';
import { useFindRegistry, type FindSection } from './registry';

type Args = { active: boolean; query: string; options: FindOptions; seq: number; clearTop: () => number };

const sameHit = (a: FindMatch, b: FindMatch) => a.section.key === b.section.key && a.run === b.run && a.start === b.start;

/**
 * The hits of the find bar's query across every section: kept current while the text changes,
 * painted on the page, and stepped through or replaced on request. Returns a message for the
 * live region when something could not be done.
 */
export function useFindSession({ active, query, options, seq, clearTop }: Args) {
  const t = useT();
  const registry = useFindRegistry();
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const [sectionsVersion, setSectionsVersion] = useState(0);
  const latest = useRef({ matches, current, query, options });
  latest.current = { ...latest.current, query, options };
  const pendingReveal = useRef(false);

  const fresh = useCallback(
    () => (registry ? collectMatches(registry.sections(), latest.current.query, latest.current.options) : []),
    [registry],
  );
  const show = useCallback((next: FindMatch[], index: number) => {
    latest.current = { ...latest.current, matches: next, current: index };
    setMatches(next);
    setCurrent(index);
  }, []);
  const reveal = useCallback(
    (match: FindMatch | undefined) => {
      if (!match) return;
      selectMatch(match);
      scrollToMatch(match, clearTop());
    },
    [clearTop],
  );
  /** Finds again; the current hit stays the one it was (or the one now in its place). */
  const refresh = useCallback(
    (reset: boolean) => {
      const next = fresh();
      const { matches: before, current: at } = latest.current;
      const was = before[at];
      const same = was && !reset ? next.findIndex((m) => sameHit(m, was)) : -1;
      const index = next.length === 0 ? -1 : same >= 0 ? same : reset ? 0 : Math.min(Math.max(at, 0), next.length - 1);
      show(next, index);
      if (pendingReveal.current && next.length > 0) {
        pendingReveal.current = false;
        reveal(next[index]);
      }
      return next;
    },
    [fresh, show, reveal],
  );

  // A new query, option or request: back to the first hit, shown as soon as there is one
  // (the sections of a document just opened may still be registering or loading their text).
  useEffect(() => {
    if (!active) return;
    pendingReveal.current = true;
    setMessage(null);
    refresh(true);
  }, [active, query, options.matchCase, options.wholeWord, seq, refresh]);

  useEffect(() => {
    if (!active || !registry) return;
    return registry.subscribe(() => setSectionsVersion((v) => v + 1));
  }, [active, registry]);

  // Typing, undo, a co-writer's edit or a section arriving: find again, a moment later.
  useEffect(() => {
    if (!active || !registry) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => refresh(false), 60);
    };
    soon();
    const unregister = mergeRegister(
      ...registry.sections().map((s) =>
        s.editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
          if (dirtyElements.size > 0 || dirtyLeaves.size > 0) soon();
        }),
      ),
    );
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [active, registry, sectionsVersion, refresh]);

  useLayoutEffect(() => {
    if (active) paintHighlights(matches, current);
    else clearHighlights();
  }, [active, matches, current]);
  useEffect(() => clearHighlights, []);

  /** The hits found now, with the index of the current one in them (-1 if none). */
  const now = useCallback(() => {
    const next = fresh();
    const was = latest.current.matches[latest.current.current];
    const index = was ? next.findIndex((m) => sameHit(m, was)) : -1;
    return { next, index: index >= 0 ? index : Math.min(latest.current.current, next.length - 1) };
  }, [fresh]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const { next, index } = now();
      const to = stepIndex(index, next.length, direction);
      setMessage(null);
      show(next, to);
      reveal(next[to]);
    },
    [now, show, reveal],
  );

  const replace = useCallback(
    (replacement: string) => {
      const { next, index } = now();
      const at = index >= 0 ? index : 0;
      const hit = next[at];
      if (!hit) return;
      const order = registry?.sections().map((s) => s.key) ?? [];
      if (!hit.section.editor.isEditable()) {
        const writable = [...next.slice(at + 1), ...next.slice(0, at)].find((m) => m.section.editor.isEditable());
        setMessage(t('editor.find.locked', { heading: hit.section.heading }));
        const to = writable ? next.indexOf(writable) : at;
        show(next, to);
        reveal(next[to]);
        return;
      }
      if (!replaceOne(hit, replacement)) {
        setMessage(t('editor.find.stale'));
        refresh(false);
        return;
      }
      setMessage(null);
      // The next hit after the replacement (never the replacement itself, even if it holds the query).
      const after = fresh();
      const section = order.indexOf(hit.section.key);
      const to = after.findIndex((m) => {
        const s = order.indexOf(m.section.key);
        return s > section || (s === section && (m.run > hit.run || (m.run === hit.run && m.start >= hit.start + replacement.length)));
      });
      const index2 = after.length === 0 ? -1 : to >= 0 ? to : 0;
      show(after, index2);
      reveal(after[index2]);
    },
    [t, now, registry, fresh, show, reveal, refresh],
  );

  const replaceAll = useCallback(
    (replacement: string) => {
      const found = fresh();
      const bySection = new Map<FindSection, FindMatch[]>();
      for (const m of found) bySection.set(m.section, [...(bySection.get(m.section) ?? []), m]);
      let replaced = 0;
      let sections = 0;
      let skipped = 0;
      const locked: string[] = [];
      for (const [section, hits] of bySection) {
        if (!section.editor.isEditable()) {
          skipped += hits.length;
          locked.push(t('editor.find.quoted', { heading: section.heading }));
          continue;
        }
        const n = replaceInSection(section, hits, replacement);
        replaced += n;
        if (n > 0) sections += 1;
      }
      const done =
        replaced === 0
          ? t('editor.find.nothingReplaced')
          : sections > 1
            ? t.n('editor.find.replacedInSections', replaced, { sections })
            : t.n('editor.find.replaced', replaced);
      const rest = skipped > 0 ? ` ${t.n('editor.find.skipped', skipped, { headings: locked.join(', ') })}` : '';
      setMessage(done + rest);
      refresh(false);
    },
    [t, fresh, refresh],
  );

  return { matches, current, message, next: () => step(1), previous: () => step(-1), replace, replaceAll };
}
