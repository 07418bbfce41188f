import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentListItem } from '../../../shared/document';
import type { Status } from '../../../shared/domain';
import { api } from '../api';

/**
 * The documents list as pages from the store (keyset, filtered in SQL): the view holds what has
 * been scrolled to, never all of years of minutes. A refresh after an action reloads as many rows
 * as were shown, so the list does not jump back to the top.
 */

export type ListFilter = { trash: boolean; series: string; status: Status | '' };
export type DocumentPages = {
  items: DocumentListItem[];
  total: number;
  series: string[];
  hasMore: boolean;
};

const query = (f: ListFilter) => ({ trash: f.trash, ...(f.series ? { series: f.series } : {}), ...(f.status ? { status: f.status } : {}) });

export function useDocumentPages(filter: ListFilter, onError: (e: unknown) => void) {
  const [pages, setPages] = useState<DocumentPages | null>(null);
  const next = useRef<string | null>(null);
  const loading = useRef(false);
  const shown = useRef(0);
  // A page that arrives after the filter changed (or a reload began) belongs to the old list: dropped.
  const generation = useRef(0);
  const { trash, series, status } = filter;

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const q = query({ trash, series, status });
    let items: DocumentListItem[] = [];
    let after: string | null = null;
    let first: { total?: number | undefined; series?: string[] | undefined } | null = null;
    do {
      const p = await api.listDocumentPage({ ...q, ...(after ? { after } : {}) });
      first ??= p;
      items = items.concat(p.items);
      after = p.next;
    } while (after && items.length < shown.current);
    if (gen !== generation.current) return;
    next.current = after;
    shown.current = items.length;
    setPages({ items, total: first.total ?? items.length, series: first.series ?? [], hasMore: after !== null });
  }, [trash, series, status]);

  const loadMore = useCallback(async () => {
    const after = next.current;
    if (!after || loading.current) return;
    loading.current = true;
    const gen = generation.current;
    try {
      const p = await api.listDocumentPage({ ...query({ trash, series, status }), after });
      if (gen !== generation.current) return;
      next.current = p.next;
      setPages((old) => {
        const items = [...(old?.items ?? []), ...p.items];
        shown.current = items.length;
        return { items, total: old?.total ?? items.length, series: old?.series ?? [], hasMore: p.next !== null };
      });
    } catch (e) {
      onError(e);
    } finally {
      loading.current = false;
    }
  }, [trash, series, status, onError]);

  // A new filter starts from the first page.
  useEffect(() => {
    shown.current = 0;
  }, [trash, series, status]);

  return { pages, reload, loadMore };
}
