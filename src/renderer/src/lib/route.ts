import { useEffect, useState } from 'react';

/** The open view lives in the URL hash, so a reload comes back to the same document. */
export type Route = { kind: 'list' } | { kind: 'doc'; id: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/doc\/([A-Za-z0-9_-]+)$/.exec(hash);
  return m?.[1] ? { kind: 'doc', id: m[1] } : { kind: 'list' };
}

export function navigate(route: Route): void {
  window.location.hash = route.kind === 'doc' ? `#/doc/${route.id}` : '#/';
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
