import { useEffect, useState } from 'react';
import { docHash, parseDocHash } from '../../../shared/find/address';

/**
 * The open view lives in the URL hash, so a reload comes back to the same place. A document may
 * carry a query (`#/doc/<id>?q=word`, from the global search): it opens with find on that word.
 */
export type Route =
  { kind: 'list' } | { kind: 'doc'; id: string; query?: string } | { kind: 'series'; name: string | null } | { kind: 'templates' };

export function parseRoute(hash: string): Route {
  const doc = parseDocHash(hash);
  if (doc) return doc.query ? { kind: 'doc', id: doc.id, query: doc.query } : { kind: 'doc', id: doc.id };
  const series = /^#\/series(?:\/(.+))?$/.exec(hash);
  if (series) return { kind: 'series', name: series[1] ? decodeURIComponent(series[1]) : null };
  if (hash === '#/templates') return { kind: 'templates' };
  return { kind: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'doc':
      return docHash(route.id, route.query);
    case 'series':
      return route.name ? `#/series/${encodeURIComponent(route.name)}` : '#/series';
    case 'templates':
      return '#/templates';
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The address without its one-time query, kept in place without a navigation (no hashchange, no new history entry). */
export function forgetRouteQuery(): void {
  const route = parseRoute(window.location.hash);
  if (route.kind === 'doc' && route.query !== undefined)
    window.history.replaceState(window.history.state, '', routeHash({ kind: 'doc', id: route.id }));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
