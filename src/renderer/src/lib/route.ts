import { useEffect, useState } from 'react';

/** The open view lives in the URL hash, so a reload comes back to the same place. */
export type Route = { kind: 'list' } | { kind: 'doc'; id: string } | { kind: 'series'; name: string | null } | { kind: 'templates' };

export function parseRoute(hash: string): Route {
  const doc = /^#\/doc\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (doc?.[1]) return { kind: 'doc', id: doc[1] };
  const series = /^#\/series(?:\/(.+))?$/.exec(hash);
  if (series) return { kind: 'series', name: series[1] ? decodeURIComponent(series[1]) : null };
  if (hash === '#/templates') return { kind: 'templates' };
  return { kind: 'list' };
}

export function routeHash(route: Route): string {
  switch (route.kind) {
    case 'doc':
      return `#/doc/${route.id}`;
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

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
