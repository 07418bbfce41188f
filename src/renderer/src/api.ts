import { CHANNELS, type Channel, type MinnesApi, type TransportApi } from '../../shared/contract';
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

export function errorMessage(e: unknown): string {
  return e instanceof ApiError ? e.message : 'Ett oväntat fel inträffade.';
}
