/**
 * The pure half of the Electron hardening (no `electron` import), so it can be unit-tested under
 * plain Node and read by scripts/security-check.mjs. security.ts wires these into the session.
 */

/** Hosts a user may be sent to (opened in their own browser, never in-app); https only. */
export const EXTERNAL_HOSTS: readonly string[] = ['riksarkivet.se', 'www.riksarkivet.se', 'regeringen.se', 'www.regeringen.se'];

/** The renderer's policy: sent as a header by security.ts and repeated in src/renderer/index.html. */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // ws:/wss: for the team server's websocket (co-drafting); nothing else leaves the app, and the
  // app only opens one for a document the user shared (src/renderer/src/team).
  "connect-src 'self' ws: wss:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CSP = CSP_DIRECTIVES.join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Parsed rather than prefix-matched: `https://riksarkivet.se.evil.example/`, `https://x@riksarkivet.se`
 * style tricks and odd ports must not pass, and shell.openExternal hands the URL to the OS as is.
 */
export function isAllowedExternal(url: string): boolean {
  const u = parse(url);
  return (
    u !== null && u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && EXTERNAL_HOSTS.includes(u.hostname)
  );
}

/**
 * A URL inside our own renderer folder. Normalised first, so `renderer/../../etc/x.html` or its
 * percent-encoded form cannot pass a plain prefix test.
 */
export function isOwnPage(url: string, ownUrlPrefix: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'file:' && u.href.startsWith(ownUrlPrefix);
}

/** The websocket of the team server the user signed in to (ws(s)://host:port/sync), and nothing else there. */
export function isTeamSync(url: string, syncUrl: string | null): boolean {
  const u = parse(url);
  const t = syncUrl ? parse(syncUrl) : null;
  return u !== null && t !== null && u.origin === t.origin && u.pathname === t.pathname && u.username === '' && u.password === '';
}

/** What the session may fetch: our own files, devtools, in-memory blob:/data: URLs, and the team server's websocket. */
export function isAllowedRequest(url: string, ownUrlPrefix: string, syncUrl: string | null = null): boolean {
  return (
    isOwnPage(url, ownUrlPrefix) ||
    url.startsWith('devtools://') ||
    url.startsWith('blob:') ||
    url.startsWith('data:') ||
    isTeamSync(url, syncUrl)
  );
}
