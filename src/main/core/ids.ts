import { randomBytes } from 'node:crypto';

/** Short, URL-safe, sortable-enough ids: what a user may type after `minnes show`. */
export function newId(): string {
  const time = Date.now().toString(36);
  const rand = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');
  return `${time}${rand}`.slice(0, 16);
}

export function nowIso(): string {
  return new Date().toISOString();
}
