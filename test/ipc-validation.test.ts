import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type CallInput, type Channel, type Handlers } from '../src/shared/contract';
import type { Db } from '../src/main/core/db';
import { dispatch } from '../src/main/core/dispatch';
import { createHandlers, type DesktopFiles } from '../src/main/core/handlers';
import { openStore } from '../src/main/core/store';
import { startWebHost, type RunningHost } from '../src/main/web/server';
import { useTmpDir } from './support/tmp';

/**
 * Everything a renderer (or a page pretending to be one) can send must be refused at the gate
 * when it is malformed, and a refusal must leave the database exactly as it was.
 * test/web-host.test.ts covers the happy path, token, Origin/Host and bind address; this adds the rest.
 */

const tmp = useTmpDir();
let db: Db | undefined;
let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  db?.close();
  db = undefined;
});

/** The desktop-only calls reach these; a rejected call must never get here. */
const fileCalls: string[] = [];
const files: DesktopFiles = {
  chooseSavePath: async (name) => (fileCalls.push(`save ${name}`), null),
  showInFolder: (path) => void fileCalls.push(`show ${path}`),
};

type Seeded = { handlers: Handlers; docId: string; revisionId: number; series: string; dbPath: string };

async function seed(): Promise<Seeded> {
  const dbPath = join(tmp(), 'm.sqlite');
  db = openStore(dbPath);
  const handlers = createHandlers({ db, dbPath, host: 'electron', files });
  const series = 'Samråd integration';
  await handlers.saveSeries({ name: series, year: 2026, partners: ['SKR'], planned: [] });
  const doc = await handlers.createDocument({ templateKey: 'samrad', metadata: { theme: 'Tema', date: '2026-06-09', series } });
  const revisions = await handlers.saveVersion({ id: doc.id });
  const revisionId = revisions[0]?.id;
  if (revisionId === undefined) throw new Error('no revision after saveVersion');
  return { handlers, docId: doc.id, revisionId, series, dbPath };
}

/** Every table, every row, and the files beside the database (backups): "changes nothing" means nothing. */
function snapshot(): string {
  if (!db) throw new Error('no store');
  const files = readdirSync(dirname(db.name), { recursive: true }).map(String).sort();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  // Rows sorted as text: some tables (WITHOUT ROWID, FTS shadows) have no rowid to order by.
  return JSON.stringify([
    files,
    ...tables.map(({ name }) => [name, (db?.prepare(`SELECT * FROM "${name}"`).all() ?? []).map((r) => JSON.stringify(r)).sort()]),
  ]);
}

/** A valid payload per channel, so a rejection below is caused by the one thing the test broke. */
async function validSamples(s: Seeded): Promise<{ [C in Channel]?: CallInput<C> }> {
  const doc = await s.handlers.getDocument({ id: s.docId });
  const template = await s.handlers.getTemplate({ key: 'samrad' });
  const id = s.docId;
  return {
    appInfo: {},
    listTemplates: {},
    getTemplate: { key: 'samrad' },
    listDocuments: { trash: false },
    listDocumentPage: { limit: 20, status: 'utkast' },
    createDocument: { templateKey: 'samrad', metadata: { theme: 'Nytt' } },
    getDocument: { id },
    saveDocument: { id, metadata: doc.metadata, content: doc.content },
    renameDocument: { id, title: 'Nytt namn' },
    duplicateDocument: { id },
    trashDocument: { id },
    restoreDocument: { id },
    importDocument: { fileName: 'a.md', dataBase64: Buffer.from('# Rubrik\n\nText').toString('base64') },
    exportDocument: { id, format: 'docx' },
    exportRawContent: { id },
    saveExport: { id, format: 'pdf' },
    changeStatus: { id, status: 'granskning' },
    newVersion: { id },
    saveVersion: { id },
    listRevisions: { id },
    getRevision: { revisionId: s.revisionId },
    diffRevisions: { before: s.revisionId, after: null },
    restoreRevision: { revisionId: s.revisionId },
    nextMeeting: { id, date: '2026-09-01' },
    searchDocuments: { query: 'tema', limit: 5 },
    saveAsTemplate: { id, key: 'ny-mall', name: 'Ny mall' },
    renameTemplate: { key: 'samrad', name: 'Samråd (nytt namn)' },
    updateTemplate: { template },
    duplicateTemplate: { key: 'samrad', newKey: 'kopia', newName: 'Kopia' },
    deleteTemplate: { key: 'samrad' },
    exportTemplate: { key: 'samrad' },
    importTemplate: { json: JSON.stringify({ ...template, key: 'importerad' }) },
    listSeries: {},
    saveSeries: { name: s.series, year: 2027 },
    getSeriesOverview: { name: s.series },
    deleteSeries: { name: s.series },
    collectTakeaways: { series: s.series, year: 2026 },
    exportTakeaways: { series: s.series, year: 2026 },
    checkDatabase: {},
    listBackups: {},
    createBackup: {},
    restoreBackup: { name: 'minnes-2026-06-09.sqlite' },
    listJobs: {},
    cancelJob: { id: '00000000-0000-4000-8000-000000000000' },
    showInFolder: { path: s.dbPath },
    teamAccount: {},
    teamSignIn: { serverUrl: 'http://127.0.0.1:5200', code: 'ABCD-EFGH' },
    teamSignOut: {},
    shareDocument: { id },
    listTeamDocuments: {},
    openTeamDocument: { id },
    sharedInfo: { id },
    appendSectionUpdates: { id, section: 'inledning', updates: [{ dataBase64: 'AAA=', sent: false }] },
    markSectionSent: { id, section: 'inledning' },
    saveConflictCopy: { id, content: doc.content },
    mirrorSharedContent: { id, content: doc.content },
    listTeamUsers: {},
    assignSection: { id, section: 'inledning', userIds: [] },
    shareTeamLibrary: {},
    fetchTeamLibrary: {},
    checkSpelling: { words: ['samråd', 'sammråd'] },
    suggestSpelling: { word: 'sammråd' },
    listPersonalWords: {},
    addPersonalWord: { word: 'Minnes' },
    removePersonalWord: { word: 'Minnes' },
    getPreferences: {},
    setPreferences: { uiLanguage: 'en' },
  };
}

/** A value of another type than the one given: each field is broken on its own. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return 'true';
  if (v === null) return 'null';
  return 'not an object';
}

describe('every channel refuses a malformed payload and changes nothing', () => {
  it('has a valid sample for every channel of the contract (a new channel needs one here)', async () => {
    const samples = await validSamples(await seed());
    expect(CHANNELS.filter((c) => !(c in samples))).toEqual([]);
    for (const c of CHANNELS) expect(contract[c].input.safeParse(samples[c]).success, c).toBe(true);
  });

  it('refuses an unknown key, a field of the wrong type and a payload that is not an object', async () => {
    const s = await seed();
    const samples = await validSamples(s);
    const before = snapshot();
    fileCalls.length = 0;
    const accepted: string[] = [];
    for (const channel of CHANNELS) {
      const sample = (samples[channel] ?? {}) as Record<string, unknown>;
      const bad: [string, unknown][] = [
        ['number', 42],
        ['string', 'appInfo'],
        ['array', [sample]],
        ['boolean', true],
        ...Object.keys(sample).map((k): [string, unknown] => [`${k} of wrong type`, { ...sample, [k]: wrongType(sample[k]) }]),
      ];
      bad.push(['unknown key', { ...sample, unexpected: true }]);
      // An own "__proto__" key, as JSON.parse makes from a hostile body: refused, and Object.prototype untouched.
      const proto = Object.defineProperty({ ...sample }, '__proto__', { value: { polluted: true }, enumerable: true });
      bad.push(['__proto__ key', proto]);
      for (const [what, payload] of bad) {
        const r = await dispatch(s.handlers, channel, payload, () => undefined);
        if (r.ok || r.error.code !== 'invalid_input') accepted.push(`${channel} (${what}): ${JSON.stringify(r).slice(0, 160)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(snapshot()).toBe(before);
    expect(fileCalls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unknown channels, including names inherited from Object.prototype', async () => {
    const s = await seed();
    const before = snapshot();
    for (const channel of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'APPINFO',
      'appInfo ',
      '',
      'minnes:appInfo',
      '../appInfo',
    ]) {
      const r = await dispatch(s.handlers, channel, {}, () => undefined);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(snapshot()).toBe(before);
  });
});

type Reply = { status: number; body: string } | { error: string };
function call(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request({ host: opts.host ?? '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(opts.body);
  });
}
const statusOf = (r: Reply): number | string => ('status' in r ? r.status : r.error);

describe('browser host refuses what the gate must refuse', () => {
  const TOKEN = 'tok-abcdef123456';
  async function start(maxBody?: number): Promise<Seeded & { port: number }> {
    const s = await seed();
    const rendererDir = join(tmp(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Minnes</title>');
    host = await startWebHost({ handlers: s.handlers, rendererDir, token: TOKEN, port: 0, ...(maxBody ? { maxBody } : {}) });
    return { ...s, port: host.port };
  }

  it('answers each bad request with its own status and leaves the store as it was', async () => {
    const { port, docId } = await start();
    const auth = { 'x-minnes-token': TOKEN };
    const body = JSON.stringify({ id: docId });
    const before = snapshot();
    const cases: [string, Promise<Reply>, number][] = [
      ['GET on the API', call(port, '/api/trashDocument', { method: 'GET', headers: auth }), 405],
      ['PUT on the API', call(port, '/api/trashDocument', { method: 'PUT', headers: auth, body }), 405],
      ['token only in the query string', call(port, `/api/trashDocument?token=${TOKEN}`, { body }), 401],
      ['token with another case', call(port, '/api/trashDocument', { headers: { 'x-minnes-token': TOKEN.toUpperCase() }, body }), 401],
      ['token prefix', call(port, '/api/trashDocument', { headers: { 'x-minnes-token': TOKEN.slice(0, -1) }, body }), 401],
      ['Origin null (sandboxed frame, file://)', call(port, '/api/trashDocument', { headers: { ...auth, origin: 'null' }, body }), 403],
      ['Origin with https', call(port, '/api/trashDocument', { headers: { ...auth, origin: `https://127.0.0.1:${port}` }, body }), 403],
      [
        'Origin on another port',
        call(port, '/api/trashDocument', { headers: { ...auth, origin: `http://127.0.0.1:${port + 1}` }, body }),
        403,
      ],
      [
        'Origin that only starts like ours',
        call(port, '/api/trashDocument', { headers: { ...auth, origin: `http://127.0.0.1:${port}.evil.example` }, body }),
        403,
      ],
      ['Host on another port', call(port, '/api/trashDocument', { headers: { ...auth, host: `127.0.0.1:${port + 1}` }, body }), 403],
      [
        'Host that ends like ours (rebinding)',
        call(port, '/api/trashDocument', { headers: { ...auth, host: `localhost.evil.example:${port}` }, body }),
        403,
      ],
      ['page itself under a rebinding Host', call(port, '/', { method: 'GET', headers: { host: `evil.example:${port}` } }), 403],
    ];
    for (const [what, reply, status] of cases) expect(statusOf(await reply), what).toBe(status);
    expect(snapshot()).toBe(before);
  });

  it('gives the gate the same verdicts over HTTP: bad payloads and unknown channels', async () => {
    const { port, docId } = await start();
    const post = async (path: string, body: string) => {
      const r = await call(port, path, { headers: { 'x-minnes-token': TOKEN }, body });
      return 'body' in r ? (JSON.parse(r.body) as { ok: boolean; error?: { code: string } }) : r;
    };
    const before = snapshot();
    expect(await post('/api/trashDocument', JSON.stringify({ id: docId, extra: 1 }))).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await post('/api/trashDocument', '"just a string"')).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await post('/api/..%2Fsecret', '{}')).toMatchObject({ error: { code: 'unknown_channel' } });
    expect(await post('/api/__proto__', '{}')).toMatchObject({ error: { code: 'unknown_channel' } });
    expect(snapshot()).toBe(before);
  });

  it('refuses an oversized body before it reaches a handler', async () => {
    const { port } = await start(1024);
    const before = snapshot();
    const big = JSON.stringify({ metadata: { theme: 'x'.repeat(4096) } });
    const r = await call(port, '/api/createDocument', { headers: { 'x-minnes-token': TOKEN }, body: big });
    // The security property: refused (413, or the connection cut) and nothing stored.
    expect('status' in r ? r.status : 'cut').toBe(413);
    expect(snapshot()).toBe(before);
    const small = await call(port, '/api/listDocuments', { headers: { 'x-minnes-token': TOKEN }, body: '{}' });
    expect(statusOf(small)).toBe(200);
  });

  it('answers an oversized body with 413 and a message, not a reset connection', async () => {
    const { port } = await start(1024);
    const r = await call(port, '/api/createDocument', { headers: { 'x-minnes-token': TOKEN }, body: 'x'.repeat(4096) });
    expect(statusOf(r)).toBe(413);
  });

  it('cannot be reached on any address but 127.0.0.1 (not ::1, not the LAN address)', async () => {
    const { port } = await start();
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a?.address ?? '');
    for (const address of ['::1', ...lan]) {
      const r = await call(port, '/api/appInfo', {
        host: address,
        headers: { 'x-minnes-token': TOKEN, host: `127.0.0.1:${port}` },
        body: '{}',
      });
      expect('error' in r, `${address} answered`).toBe(true);
    }
  });
});
