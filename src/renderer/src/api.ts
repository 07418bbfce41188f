import { CHANNELS, type CallInput, type Channel, type MinnesApi, type TransportApi } from '../../shared/contract';
import { ApiError, type Result } from '../../shared/result';

declare global {
  interface Window {
    minnes?: TransportApi;
  }
}

/** The browser host's transport: same methods as the preload, over HTTP with the per-run token. */
function httpTransport(token: string): TransportApi {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-minnes-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'offline', message: 'Kontakten med Minnes bröts. Starta om och försök igen.' } };
    }
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)])) as unknown as TransportApi;
}

function tokenFromLocation(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

function unwrap(transport: TransportApi): MinnesApi {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      async (input: unknown) => {
        const fn = transport[c] as (i: unknown) => Promise<Result<unknown>>;
        const r = await fn(input);
        if (!r.ok) throw new ApiError(r.error.code, r.error.message);
        return r.value;
      },
    ]),
  ) as unknown as MinnesApi;
}

export const api: MinnesApi = unwrap(window.minnes ?? httpTransport(tokenFromLocation()));

/** Browsers deliver a request made while the page unloads only with keepalive, and only up to 64 KB. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * The last save as the window goes. 'sent' means it will arrive without waiting;
 * 'wait' means the caller must keep the window open until a normal save finishes.
 */
export function saveOnUnload(input: CallInput<'saveDocument'>): 'sent' | 'wait' {
  if (window.minnes) return 'wait';
  const body = JSON.stringify(input);
  if (body.length > KEEPALIVE_LIMIT) return 'wait';
  void fetch('/api/saveDocument', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', 'x-minnes-token': tokenFromLocation() },
    body,
  });
  return 'sent';
}

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Ett oväntat fel inträffade.';
}

/** True in the Electron app (native dialogs); false in the browser host (downloads). */
export const isDesktop = window.minnes !== undefined;

export function base64ToBlob(data: string, type: string): Blob {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
