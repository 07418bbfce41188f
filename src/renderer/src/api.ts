import { CHANNELS, type CallInput, type Channel, type MinnesApi, type TransportApi } from '../../shared/contract';
import { ApiError, type Result } from '../../shared/result';
import { currentTranslator, t } from './i18n/i18n';

declare global {
  interface Window {
    minnes?: TransportApi;
  }
}

/**
 * The browser host's transport: same methods as the preload, over HTTP. The per-run key is an
 * HttpOnly cookie the host set on the first load; the page never sees it, the browser sends it.
 */
function httpTransport(): TransportApi {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'offline', message: t('common.lostContact') } };
    }
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)])) as unknown as TransportApi;
}

/**
 * The host answers the printed address with a redirect to `/`, so the key is normally gone before
 * this runs; should an address with it still reach the page, it leaves the address bar and history here.
 */
function forgetTokenInAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

function unwrap(transport: TransportApi): MinnesApi {
  return Object.fromEntries(
    CHANNELS.map((c) => [
      c,
      async (input: unknown) => {
        const fn = transport[c] as (i: unknown) => Promise<Result<unknown>>;
        const r = await fn(input);
        if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.text);
        return r.value;
      },
    ]),
  ) as unknown as MinnesApi;
}

if (!window.minnes) forgetTokenInAddress();
export const api: MinnesApi = unwrap(window.minnes ?? httpTransport());

/** Browsers deliver a request made while the page unloads only with keepalive, and only up to 64 KB. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * The last save as the window goes. 'sent' means it will arrive without waiting;
 * 'wait' means the caller must keep the window open until a normal save finishes.
 */
export function saveOnUnload(input: CallInput<'saveDocument'>): 'sent' | 'wait' {
  return sendOnUnload('saveDocument', input);
}

/** Any call made as the page goes (the browser host only; see saveOnUnload). */
export function sendOnUnload<C extends Channel>(channel: C, input: CallInput<C>): 'sent' | 'wait' {
  if (window.minnes) return 'wait';
  const body = JSON.stringify(input);
  if (body.length > KEEPALIVE_LIMIT) return 'wait';
  void fetch(`/api/${channel}`, {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return 'sent';
}

/** An error as a line for the user, in the app's language when the host sent it by key. */
export function errorMessage(e: unknown): string {
  if (!(e instanceof ApiError)) return t('common.unexpectedError');
  return e.text ? currentTranslator().text(e.text) : e.message;
}

/** True in the Electron app (native dialogs); false in the browser host (downloads). */
export const isDesktop = window.minnes !== undefined;

export function base64ToBlob(data: string, type: string): Blob {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}
