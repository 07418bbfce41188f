import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { connect as tcpConnect } from 'node:net';
import { networkInterfaces } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseRunArgs } from '../src/server/config';
import { MAX_LISTED_DOCUMENTS, type SharedDocument } from '../src/server/documents';
import { MAX_MESSAGE_BYTES } from '../src/server/guard';
import { BAD_TOKEN_REASON, DATABASE_DOWN_REASON } from '../src/server/sync';
import { startTeamServer, type TeamServer } from '../src/server/team-server';
import { startPostgres, type TestPostgres } from './support/postgres';
import { cliIn } from './support/run-cli';

// Real PostgreSQL, real server, real websocket clients: what the app will run against.

let postgres: TestPostgres;
let db: pg.Pool;
const servers: TeamServer[] = [];
const clients: Array<{ destroy: () => void }> = [];
const serverLog: string[] = [];

async function startServer(extra: { debounceMs?: number } = {}): Promise<TeamServer> {
  // The defaults come from the real argument parser: no --host means what `minnes server` does.
  const config = parseRunArgs(['--port', '0', '--database', postgres.url], {});
  const server = await startTeamServer({ ...config, debounceMs: 20, maxDebounceMs: 200, ...extra, log: (l) => serverLog.push(l) });
  servers.push(server);
  return server;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for: ${what}`);
}

/** A promise, or a clear failure instead of a test that hangs until its timeout. */
async function settled<T>(promise: Promise<T>, what: string): Promise<T> {
  let result: { value: T } | null = null;
  void promise.then((value) => (result = { value }));
  await waitFor(() => result !== null, what);
  return result!.value;
}

type Client = { doc: Y.Doc; provider: HocuspocusProvider; text: () => string; type: (s: string) => void; failed: string[] };

/** A node client as the app will be: one websocket (ws as the WebSocket), one provider per section. */
function client(server: TeamServer, name: string, token: string): Client {
  const socket = new HocuspocusProviderWebsocket({
    url: server.syncUrl,
    WebSocketPolyfill: WebSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  });
  const doc = new Y.Doc();
  const failed: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => failed.push(reason),
  });
  // A shared websocket does not attach its providers by itself.
  provider.attach();
  clients.push({ destroy: () => (provider.destroy(), socket.destroy()) });
  // Lexical's collaboration binding keeps a section's content in the XmlText named 'root'.
  const root = doc.get('root', Y.XmlText);
  return { doc, provider, failed, text: () => root.toString(), type: (s) => root.insert(root.length, s) };
}

async function synced(c: Client): Promise<void> {
  await waitFor(() => c.provider.isSynced, `${c.provider.configuration.name} synced`);
}

async function storedText(name: string): Promise<string> {
  const { rows } = await db.query<{ state: Buffer }>('SELECT state FROM yjs_documents WHERE name = $1', [name]);
  const doc = new Y.Doc();
  if (rows[0]) Y.applyUpdate(doc, new Uint8Array(rows[0].state));
  return doc.get('root', Y.XmlText).toString();
}

async function addUser(name: string, role: string): Promise<string> {
  const r = await cliIn(process.cwd(), {})('server', 'user', 'add', name, '--role', role, '--database', postgres.url);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  const code = /inloggningskod (\S+)/.exec(r.stdout)?.[1];
  expect(code, r.stdout).toBeTruthy();
  return code!;
}

async function api(server: TeamServer, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function signIn(server: TeamServer, code: string): Promise<{ token: string; userId: string }> {
  const r = await api(server, 'POST', '/api/sign-in', null, { code });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { token: r.body.token as string, userId: (r.body.user as { id: string }).id };
}

// --- raw websocket messages, for what no well-behaved provider would send ---
const varUint = (n: number): number[] => {
  const out: number[] = [];
  for (; n > 0x7f; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  return [...out, n];
};
const varBytes = (b: Uint8Array): number[] => [...varUint(b.length), ...b];
const varString = (s: string): number[] => varBytes(new TextEncoder().encode(s));
const authMessage = (name: string, token: string) => Buffer.from([...varString(name), 2, 0, ...varString(token)]);
const updateMessage = (name: string, update: Uint8Array) => Buffer.from([...varString(name), 0, 2, ...varBytes(update)]);

/** Opens a raw socket, signs in to one section and resolves once the server says so. */
async function rawSignedIn(server: TeamServer, name: string, token: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(server.syncUrl);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const authenticated = new Promise<void>((resolve) =>
    ws.on('message', (data: Buffer) => {
      // [name][2 = auth][2 = authenticated][scope]
      const after = varString(name).length;
      if (data[after] === 2 && data[after + 1] === 2) resolve();
    }),
  );
  ws.send(authMessage(name, token));
  await settled(authenticated, `signed in to ${name}`);
  return { ws, closed };
}

let server: TeamServer;
let karin: { token: string; userId: string };
let ali: { token: string; userId: string };
const DOC = 'samrad-2026-06-09';
const section = (key: string, doc = DOC) => `minutes/${doc}/${key}`;

beforeAll(async () => {
  postgres = await startPostgres();
  db = new pg.Pool({ connectionString: postgres.url });
  db.on('error', () => undefined); // (g) stops PostgreSQL under the pool's idle connections
  server = await startServer();
  karin = await signIn(server, await addUser('Karin Åström', 'sekreterare'));
  ali = await signIn(server, await addUser('Ali Haddad', 'rapportör'));
  expect((await api(server, 'PUT', `/api/documents/${DOC}`, karin.token, { metadata: { title: 'Samråd' } })).status).toBe(200);
  expect(
    (await api(server, 'POST', `/api/documents/${DOC}/assign`, karin.token, { section: 'bakgrund', userIds: [ali.userId] })).status,
  ).toBe(200);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close();
  await db?.end();
  postgres?.stop();
});

describe('team server', () => {
  it('(a) two clients on one section converge, and the text reaches PostgreSQL', async () => {
    const one = client(server, section('inledning'), karin.token);
    const two = client(server, section('inledning'), karin.token);
    await Promise.all([synced(one), synced(two)]);
    one.type('Mötet öppnades. ');
    two.type('Deltagarna hälsades välkomna.');
    await waitFor(() => one.text() === two.text() && one.text().length === 45, 'both clients have both sentences');
    expect(one.text()).toContain('Mötet öppnades.');
    expect(one.text()).toContain('Deltagarna hälsades välkomna.');
    await waitFor(async () => (await storedText(section('inledning'))) === one.text(), 'the section stored in PostgreSQL');
  });

  it('(b) keeps what was typed across a restart, even one in the middle of an edit', async () => {
    // A debounce far longer than the test: only the flush on close can have stored the edit.
    const first = await startServer({ debounceMs: 600_000 });
    const writer = client(first, section('presentation'), karin.token);
    const reader = client(first, section('presentation'), karin.token);
    await Promise.all([synced(writer), synced(reader)]);
    writer.type('Departementet presenterade förslaget.');
    await waitFor(() => reader.text() === 'Departementet presenterade förslaget.', 'the edit reached the server');
    await first.close();

    const second = await startServer();
    const fresh = client(second, section('presentation'), karin.token);
    await synced(fresh);
    expect(fresh.text()).toBe('Departementet presenterade förslaget.');
    expect(await storedText(section('presentation'))).toBe('Departementet presenterade förslaget.');
  });

  it('(c) listens on 127.0.0.1 only by default', async () => {
    const address = server.address();
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
    const tryConnect = (host: string) =>
      new Promise<string>((resolve) => {
        const s = tcpConnect({ host, port: address.port }, () => (s.destroy(), resolve('connected')));
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
    expect(await tryConnect('127.0.0.1')).toBe('connected');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    if (others.length === 0) {
      expect(others, 'this machine has no non-loopback IPv4 address: connecting through another interface was not tried').toEqual([]);
    }
    for (const ip of others) expect(await tryConnect(ip), `connecting via ${ip} must fail`).not.toBe('connected');
  });

  it('(d) refuses a bad token, and a sign-in code works once', async () => {
    for (const token of ['nonsense', `${karin.userId}.${'A'.repeat(43)}`, '']) {
      const c = client(server, section('inledning'), token);
      await waitFor(() => c.failed.length > 0, `token '${token}' refused`);
      expect(c.failed[0]).toBe(BAD_TOKEN_REASON);
      expect(c.provider.isSynced).toBe(false);
    }
    expect((await api(server, 'GET', '/api/me', 'nonsense')).status).toBe(401);
    expect((await api(server, 'GET', '/api/me', karin.token)).body).toMatchObject({ name: 'Karin Åström', role: 'sekreterare' });

    const code = await addUser('Eva Lind', 'rapportör');
    const eva = await signIn(server, code.toLowerCase()); // as typed: case does not matter
    expect((await api(server, 'POST', '/api/sign-in', null, { code })).status).toBe(401);
    const ok = client(server, section('bakgrund'), eva.token);
    await synced(ok);
    expect(ok.provider.authorizedScope).toBe('readonly');

    const expired = await addUser('Olle Berg', 'rapportör');
    await db.query("UPDATE sign_in_codes SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL");
    expect((await api(server, 'POST', '/api/sign-in', null, { code: expired })).status).toBe(401);
  });

  it('(e) a rapportör writes only the sections assigned to them, and no one writes approved minutes', async () => {
    const karinSees = client(server, section('fragor'), karin.token);
    const aliTries = client(server, section('fragor'), ali.token);
    await Promise.all([synced(karinSees), synced(aliTries)]);
    expect(aliTries.provider.authorizedScope).toBe('readonly');
    aliTries.type('Ändrat av rapportören.');
    // Same socket, in order: once Karin sees Ali's presence, the server has handled his edit before it.
    aliTries.provider.setAwarenessField('user', { name: 'Ali Haddad' });
    await waitFor(() => [...karinSees.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Ali Haddad'), 'presence');
    karinSees.type('Frågorna samlades in.');
    await waitFor(async () => (await storedText(section('fragor'))) === 'Frågorna samlades in.', 'Karin’s text stored');
    expect(karinSees.text()).toBe('Frågorna samlades in.');

    const aliWrites = client(server, section('bakgrund'), ali.token);
    const karinReads = client(server, section('bakgrund'), karin.token);
    await Promise.all([synced(aliWrites), synced(karinReads)]);
    expect(aliWrites.provider.authorizedScope).toBe('read-write');
    aliWrites.type('Bakgrunden skrevs av rapportören.');
    await waitFor(() => karinReads.text() === 'Bakgrunden skrevs av rapportören.', 'the assigned section reaches Karin');

    // Approval locks every section for everyone, also for connections already open.
    const locked = 'justerat-2026';
    expect((await api(server, 'PUT', `/api/documents/${locked}`, karin.token, { metadata: {} })).status).toBe(200);
    const before = client(server, section('inledning', locked), karin.token);
    const watcher = client(server, section('inledning', locked), karin.token);
    await Promise.all([synced(before), synced(watcher)]);
    before.type('Före justering.');
    await waitFor(async () => (await storedText(section('inledning', locked))) === 'Före justering.', 'stored before approval');
    expect((await api(server, 'PUT', `/api/documents/${locked}`, karin.token, { status: 'granskning' })).status).toBe(200);
    expect((await api(server, 'PUT', `/api/documents/${locked}`, karin.token, { status: 'justerad' })).status).toBe(200);
    expect((await api(server, 'PUT', `/api/documents/${locked}`, karin.token, { metadata: { title: 'x' } })).status).toBe(409);
    before.type(' Efter justering.');
    before.provider.setAwarenessField('user', { name: 'Karin' });
    await waitFor(() => [...watcher.provider.awareness!.getStates().values()].some((s) => s.user?.name === 'Karin'), 'presence');
    expect(watcher.text()).toBe('Före justering.');
    const late = client(server, section('inledning', locked), karin.token);
    await synced(late);
    expect(late.provider.authorizedScope).toBe('readonly');
    expect(await storedText(section('inledning', locked))).toBe('Före justering.');
  });

  it('(f) cuts off a client that sends a malformed or oversized update, and keeps serving the others', async () => {
    const name = section('avslutning');
    const one = client(server, name, karin.token);
    const two = client(server, name, karin.token);
    await Promise.all([synced(one), synced(two)]);
    one.type('Mötet avslutades.');
    await waitFor(() => two.text() === 'Mötet avslutades.', 'first sync');

    const malformed = await rawSignedIn(server, name, karin.token);
    malformed.ws.send(updateMessage(name, new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x09, 0x00, 0x42])));
    expect(await settled(malformed.closed, 'the malformed client is cut off')).toBe(1007);

    const garbage = new WebSocket(server.syncUrl);
    const garbageClosed = new Promise<number>((resolve) => garbage.on('close', resolve));
    garbage.on('open', () => garbage.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])));
    expect(await settled(garbageClosed, 'the garbage client is cut off')).toBeGreaterThanOrEqual(1000);

    const oversized = await rawSignedIn(server, name, karin.token);
    oversized.ws.send(updateMessage(name, new Uint8Array(MAX_MESSAGE_BYTES + 1)));
    expect(await settled(oversized.closed, 'the oversized client is cut off')).toBe(1009);

    two.type(' Tack för i dag.');
    await waitFor(() => one.text() === 'Mötet avslutades. Tack för i dag.', 'the others still sync');
    await waitFor(async () => (await storedText(name)) === 'Mötet avslutades. Tack för i dag.', 'and are stored');
    expect(serverLog.some((l) => l.includes('malformed Yjs message'))).toBe(true);
  });

  it('(g) keeps what is typed while PostgreSQL is stopped, and stores it once it is back', async () => {
    const name = section('medskick');
    const one = client(server, name, karin.token);
    const two = client(server, name, karin.token);
    await Promise.all([synced(one), synced(two)]);
    postgres.pause();
    try {
      one.type('Skrivet medan databasen var borta.');
      await waitFor(() => two.text() === 'Skrivet medan databasen var borta.', 'the edit still reaches the other client');
      await waitFor(() => serverLog.some((l) => l.includes(`cannot save ${name} yet`)), 'the server noticing it cannot store');
      const newcomer = client(server, section('inledning'), karin.token);
      await waitFor(() => newcomer.failed.length > 0, 'a new connection refused while the database is away');
      expect(newcomer.failed[0]).toContain(DATABASE_DOWN_REASON);
    } finally {
      postgres.resume();
    }
    await waitFor(async () => (await storedText(name)) === 'Skrivet medan databasen var borta.', 'stored once PostgreSQL is back');
    const after = client(server, section('inledning'), karin.token);
    await synced(after);
    expect(after.text(), 'the server serves sections again').toContain('Mötet öppnades.');
  });

  it('(h) lists every shared document to anyone signed in, the most recently changed first', async () => {
    expect((await api(server, 'GET', '/api/documents', null)).status).toBe(401);
    expect((await api(server, 'GET', '/api/documents', 'nonsense')).status).toBe(401);
    // More than a list returns, all older than what the test changes next.
    await db.query(
      `INSERT INTO documents (id, updated_at) SELECT 'massa-' || g, now() - interval '1 day' FROM generate_series(1, $1::int) g`,
      [MAX_LISTED_DOCUMENTS + 1],
    );
    const fresh = 'lista-2026-06-10';
    expect((await api(server, 'PUT', `/api/documents/${fresh}`, karin.token, { metadata: { title: 'Listad' } })).status).toBe(200);
    expect((await api(server, 'PUT', `/api/documents/${DOC}`, karin.token, { metadata: { title: 'Samråd, ändrat' } })).status).toBe(200);

    const r = await api(server, 'GET', '/api/documents', ali.token); // a rapportör
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const list = r.body as unknown as SharedDocument[];
    expect(list).toHaveLength(MAX_LISTED_DOCUMENTS);
    expect(list.slice(0, 2)).toEqual([
      {
        id: DOC,
        metadata: { title: 'Samråd, ändrat' },
        status: 'utkast',
        assignments: { bakgrund: [ali.userId] },
        updatedAt: expect.any(String),
      },
      { id: fresh, metadata: { title: 'Listad' }, status: 'utkast', assignments: {}, updatedAt: expect.any(String) },
    ]);
    expect(list[0]).toEqual((await api(server, 'GET', `/api/documents/${DOC}`, karin.token)).body);
    const times = list.map((d) => Date.parse(d.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await api(server, 'GET', '/api/documents', karin.token)).body).toEqual(list);
  });

  it('(i) of two sekreterare approving at the same moment, one succeeds and the other is told it is already done', async () => {
    const id = 'samtidig-2026';
    expect((await api(server, 'PUT', `/api/documents/${id}`, karin.token, { metadata: {} })).status).toBe(200);
    expect((await api(server, 'PUT', `/api/documents/${id}`, karin.token, { status: 'granskning' })).status).toBe(200);
    const eva = await signIn(server, await addUser('Eva Sekreterare', 'sekreterare'));
    // Hold the row so that both requests are inside their transactions, waiting, before either goes on.
    const holder = await db.connect();
    let answers: Array<Awaited<ReturnType<typeof api>>>;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [id]);
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const both = Promise.all([karin, eva].map((who) => api(server, 'PUT', `/api/documents/${id}`, who.token, { status: 'justerad' })));
      await waitFor(async () => {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> $1",
          [holderPid],
        );
        return rows[0]!.n === 2;
      }, 'both approvals waiting on the row');
      await holder.query('COMMIT');
      answers = await settled(both, 'both approvals answered');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 200)!.body).toMatchObject({ id, status: 'justerad' });
    expect(answers.find((a) => a.status === 409)!.body).toEqual({ error: { code: 'refused', message: 'Dokumentet är redan justerat.' } });
    expect((await db.query('SELECT status FROM documents WHERE id = $1', [id])).rows).toEqual([{ status: 'justerad' }]);
    // Other refusals keep their wording.
    const again = await api(server, 'PUT', `/api/documents/${id}`, karin.token, { metadata: { title: 'x' } });
    expect(again.body).toEqual({ error: { code: 'refused', message: 'Dokumentet är justerad och kan inte ändras.' } });
  });
});
