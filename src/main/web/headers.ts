import type { ServerResponse } from 'node:http';
import { CSP_DIRECTIVES } from '../app/security-policy';

/**
 * The renderer's policy, sent as a header because a meta CSP cannot forbid framing
 * (`frame-ancestors` is ignored in meta) and only covers the HTML page itself.
 * security-policy.ts is pure (no electron import), so the desktop app and the host share one list.
 */
export const HOST_CSP = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Sent on every response, errors included: HTML, scripts, fonts and API answers alike. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': HOST_CSP,
  // For browsers too old for frame-ancestors.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // The first address carries the token; no request may repeat it to anyone.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
