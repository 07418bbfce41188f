import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/** The API is the only thing the cookie unlocks, so the browser sends it nowhere else. */
export const COOKIE_PATH = '/api/';

/**
 * Cookies are shared by every port of a host, so two hosts running at once (two databases)
 * would overwrite each other's key under a single name.
 */
export function cookieName(port: number): string {
  return `minnes-${port}`;
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * HttpOnly: no script, ours or injected, can read the key. SameSite=Strict: no other site can
 * make the browser send it. A session cookie: the key dies with the run anyway.
 */
export function sessionCookie(name: string, token: string): string {
  return `${name}=${token}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict`;
}

/**
 * The renderer proves itself with the cookie; tests and scripts without a cookie jar may send
 * the key as the x-minnes-token header. Never from the query string: addresses end up in logs.
 */
export function isAuthorized(req: IncomingMessage, token: string, name: string): boolean {
  const header = req.headers['x-minnes-token'];
  return sameToken(typeof header === 'string' ? header : undefined, token) || sameToken(cookieValue(req.headers.cookie, name), token);
}
