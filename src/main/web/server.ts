import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Handlers } from '../../shared/contract';
import { dispatch } from '../core/dispatch';
import { errorInfo } from '../core/errors';
import { cookieName, isAuthorized, sameToken, sessionCookie } from './auth';
import { applySecurityHeaders } from './headers';
import { parseTarget, type Target } from './target';
import { serveStatic } from './static';

export type WebHostOptions = {
  handlers: Handlers;
  rendererDir: string;
  token: string;
  port: number;
  /** Largest request body accepted (bytes). */
  maxBody?: number;
};

export type RunningHost = { server: Server; port: number; url: string; close: () => Promise<void> };

const API_PREFIX = '/api/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(text);
}

/**
 * A page on another site, or a DNS-rebinding name that resolves to 127.0.0.1,
 * must not reach the handlers: the Host must be ours and any Origin must be ours too.
 */
function trustedOrigin(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
}

/**
 * Reads a JSON body up to `limit` bytes. A larger one is refused without being kept: the rest
 * is drained (not cut off) so that the client receives the 413 answer instead of a reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      reject(new Error('too_large'));
      req.resume();
      return;
    }
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (tooLarge) return;
      size += c.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new Error('too_large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The printed address carries the key once: it is swapped for the cookie and the browser is sent
 * on to `/` (303, so the key never stays in the address bar, the history or a bookmark).
 * Always to `/`: a path taken from the request could turn this into an open redirect (`//other`).
 */
function firstLoad(req: IncomingMessage, res: ServerResponse, target: Target, opts: WebHostOptions, port: number): void {
  const given = target.query.get('token') ?? undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Endast GET');
  if (!sameToken(given, opts.token)) return sendText(res, 401, 'Ogiltig nyckel. Öppna adressen som värden skrev ut.');
  const rest = new URLSearchParams(target.query);
  rest.delete('token');
  const query = rest.toString();
  res.writeHead(303, {
    location: query ? `/?${query}` : '/',
    'set-cookie': sessionCookie(cookieName(port), opts.token),
    'cache-control': 'no-store',
  });
  res.end();
}

async function handleApi(req: IncomingMessage, res: ServerResponse, target: Target, opts: WebHostOptions, port: number): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, { ok: false, error: errorInfo('method', 'errors.web.postOnly') });
  if (!isAuthorized(req, opts.token, cookieName(port))) {
    return send(res, 401, { ok: false, error: errorInfo('unauthorized', 'errors.web.unauthorized') });
  }
  let payload: unknown;
  try {
    const text = await readBody(req, opts.maxBody ?? 64 * 1024 * 1024);
    payload = text ? JSON.parse(text) : {};
  } catch (e) {
    const tooLarge = e instanceof Error && e.message === 'too_large';
    if (tooLarge) res.setHeader('connection', 'close');
    return send(res, tooLarge ? 413 : 400, {
      ok: false,
      error: errorInfo('bad_request', tooLarge ? 'errors.web.tooLarge' : 'errors.web.badJson'),
    });
  }
  const channel = target.pathname.slice(API_PREFIX.length);
  send(res, 200, await dispatch(opts.handlers, channel, payload));
}

/**
 * Node answers 408 when a request's headers have not been parsed within headersTimeout. Only
 * local programs reach this host, so slow senders are not the risk; a busy event loop is: Node's
 * timeout check runs before the loop reads headers already waiting in the socket, so after a long
 * import every connection queued behind it got 408 with the 60 s default. Headers get as long as
 * a whole request may take; heavy work belongs in a worker anyway.
 */
const TIMEOUTS = { requestTimeout: 300_000, headersTimeout: 300_000, keepAliveTimeout: 5_000 };

export function startWebHost(opts: WebHostOptions): Promise<RunningHost> {
  let port = opts.port;
  const server = createServer(TIMEOUTS, (req, res) => {
    applySecurityHeaders(res);
    if (!trustedOrigin(req, port)) return send(res, 403, { ok: false, error: errorInfo('forbidden', 'errors.web.foreignOrigin') });
    const target = parseTarget(req.url);
    if (!target) return sendText(res, 400, 'Ogiltig adress');
    if (!target.pathname.startsWith(API_PREFIX) && target.query.has('token')) return firstLoad(req, res, target, opts, port);
    const work = target.pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, target, opts, port)
      : serveStatic(req, res, opts.rendererDir, target.pathname);
    work.catch(() => {
      if (!res.headersSent) send(res, 500, { ok: false, error: errorInfo('internal', 'errors.web.internal') });
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      const addr = server.address();
      port = typeof addr === 'object' && addr ? addr.port : opts.port;
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/?token=${opts.token}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
