import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { createApi } from './api';
import type { ServerConfig } from './config';
import { openDatabase, type Log } from './db';
import { MAX_MESSAGE_BYTES } from './guard';
import { createSync } from './sync';
import { YjsStore } from './yjs-store';

/** The websocket's path: `ws://host:port/sync`, one socket for every section a client has open. */
export const SYNC_PATH = '/sync';

export type TeamServerOptions = ServerConfig & {
  log?: Log;
  /** How long Hocuspocus gathers changes before it stores a section (and the longest it waits). */
  debounceMs?: number;
  maxDebounceMs?: number;
};

export type TeamServer = {
  /** What the socket is bound to, from the operating system. */
  address: () => AddressInfo;
  /** http(s)://host:port, for the API. */
  url: string;
  /** ws(s)://host:port/sync, for HocuspocusProviderWebsocket. */
  syncUrl: string;
  /** Stops taking connections, stores what is in memory, closes the database pool. */
  close: () => Promise<void>;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The team server: one http(s) server with the API under /api/ and the Hocuspocus websocket at
 * /sync, over PostgreSQL. Hocuspocus's own Server class is not used: it listens on every
 * interface whatever `address` says (3.4.4), cannot do TLS, and has no limit on message size.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const log: Log = options.log ?? ((line) => process.stderr.write(`minnes server: ${line}\n`));
  const pool = await openDatabase(options.databaseUrl, log);
  const store = new YjsStore(pool, log);
  const { hocuspocus, refreshAccess } = createSync(pool, store, log, {
    debounceMs: options.debounceMs ?? 2_000,
    maxDebounceMs: options.maxDebounceMs ?? 10_000,
  });
  const api = createApi(pool, log, refreshAccess);

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    void api(req, res).then((handled) => {
      if (handled) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Minnes team server: the API is under /api/, the websocket at /sync\n');
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(onRequest);

  // maxPayload: ws closes a socket that sends more (code 1009) before it is read into memory.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let closing = false;
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', (e) => log(`websocket: ${e.message}`));
    if (closing) return refuseUpgrade(socket, '503 Service Unavailable');
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== SYNC_PATH) return refuseUpgrade(socket, '404 Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Without a listener, a socket error (such as a message over maxPayload) would end the process.
      ws.on('error', (e) => log(`websocket closed: ${e.message}`));
      hocuspocus.handleConnection(ws, req);
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // host given explicitly: this is what keeps the default server on 127.0.0.1 only.
      server.listen({ port: options.port, host: options.host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await pool.end().catch(() => undefined);
    const code = (e as { code?: unknown }).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `port ${options.port} on ${options.host} is already in use`
        : `cannot listen on ${options.host}:${options.port}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  server.on('error', (e) => log(`server: ${e.message}`));

  const address = (): AddressInfo => server.address() as AddressInfo;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const base = `${options.tls ? 'https' : 'http'}://${hostInUrl}:${address().port}`;

  async function close(): Promise<void> {
    if (closing) return;
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    // Closing every connection makes Hocuspocus store each section that has unsaved changes
    // at once and unload it; the clients reconnect (to the next server) and resync.
    hocuspocus.closeConnections();
    for (const ws of wss.clients) ws.close(1012, 'server restarting');
    for (let i = 0; i < 200 && hocuspocus.getDocumentsCount() > 0; i++) await sleep(25);
    // Whatever Hocuspocus has not unloaded by now is stored directly, so nothing typed is left only in memory.
    await Promise.all([...hocuspocus.documents.values()].map((d) => store.store(d.name, Y.encodeStateAsUpdate(d))));
    await store.close();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await stopped;
    await pool.end();
  }

  return { address, url: base, syncUrl: `${base.replace(/^http/, 'ws')}${SYNC_PATH}`, close };
}
