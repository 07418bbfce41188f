import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../src/shared/template';
import { saveAccount } from '../src/main/core/sync/team-account';
import { BUILTIN_TEMPLATES } from '../src/main/core/templates/builtin';
import { MAX_BODY_BYTES } from '../src/server/api';
import { parseRunArgs } from '../src/server/config';
import { BUILTIN_TEMPLATE_KEYS, type SharedSeries, type SharedTemplate } from '../src/server/library';
import { startTeamServer, type TeamServer } from '../src/server/team-server';
import { startPostgres, type TestPostgres } from './support/postgres';
import { addTeamUser, teamPeople, type Person } from './support/team-people';

// The unit's template library and the year's series through a real team server on a real
// PostgreSQL: a sekreterare shares from one local store, a rapportör fetches into another, every
// call through the app's handler table and dispatch.

let postgres: TestPostgres;
let server: TeamServer;
let karin: Person; // sekreterare
let ali: Person; // rapportör
const tokens = { karin: '', ali: '' };
const serverLog: string[] = [];
const people = teamPeople('team-library', serverLog);
const person = people.person;

async function addUser(name: string, role: string): Promise<string> {
  return addTeamUser(postgres.url, name, role);
}

/** Straight to the API, as any client could: the status and the parsed answer. */
type Refused = { error: { code: string; message: string } };

async function api<T = Refused>(method: string, path: string, token: string, body?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body,
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** What a store holds of its templates and series, to see that a second fetch changes nothing. */
const library = (p: Person) =>
  JSON.stringify([
    p.db.prepare('SELECT key, version, definition, deleted_at FROM templates ORDER BY key, version').all(),
    p.db.prepare('SELECT * FROM series ORDER BY name').all(),
  ]);

const templateOf = async (p: Person, key: string): Promise<Template> =>
  JSON.parse((await p.ok('exportTemplate', { key })).json) as Template;

const SERIES = {
  name: 'Samråd integration 2026',
  year: 2026,
  partners: ['SKR', 'Forum'],
  planned: [
    { date: '2026-09-15', theme: 'Etablering' },
    { date: '2026-03-10', theme: 'Språk' },
  ],
  templateKey: 'samrad-integration',
};

beforeAll(async () => {
  postgres = await startPostgres();
  const config = parseRunArgs(['--port', '0', '--database', postgres.url], {});
  server = await startTeamServer({ ...config, log: (l) => serverLog.push(`server: ${l}`) });
  const codes = { karin: await addUser('Karin Åström', 'sekreterare'), ali: await addUser('Ali Haddad', 'rapportör') };
  karin = person('karin');
  ali = person('ali');
  tokens.karin = (await karin.ok('teamSignIn', { serverUrl: server.url, code: codes.karin })).token;
  tokens.ali = (await ali.ok('teamSignIn', { serverUrl: server.url, code: codes.ali })).token;
});

afterAll(async () => {
  await server?.close();
  people.cleanUp();
  postgres?.stop();
});

describe('the team’s template library and series', () => {
  it('the server refuses exactly the app’s built-in template keys', () => {
    expect([...BUILTIN_TEMPLATE_KEYS].sort()).toEqual(BUILTIN_TEMPLATES.map((t) => t.key).sort());
  });

  it('a sekreterare’s templates and series reach a teammate’s store; fetching again changes nothing', async () => {
    const doc = await karin.ok('createDocument', { templateKey: 'samrad', metadata: { theme: 'Etablering', date: '2026-03-10' } });
    await karin.ok('saveAsTemplate', { id: doc.id, key: 'samrad-integration', name: 'Samråd om integration' });
    const fritt = await templateOf(karin, 'fritt');
    await karin.ok('importTemplate', { json: JSON.stringify({ ...fritt, key: 'referensgrupp', name: 'Referensgrupp', version: 7 }) });
    await karin.ok('saveSeries', SERIES);
    // A series only named on a document has no plan to share.
    await karin.ok('createDocument', { templateKey: 'fritt', metadata: { series: 'Bara på ett dokument' } });

    expect(await karin.ok('shareTeamLibrary', {})).toEqual({ templates: 2, series: 1 });
    const listed = await api<SharedTemplate[]>('GET', '/api/templates', tokens.ali);
    expect(listed.status).toBe(200);
    expect(listed.body.map((t) => [t.key, t.updatedBy])).toEqual([
      ['referensgrupp', 'Karin Åström'],
      ['samrad-integration', 'Karin Åström'],
    ]);
    expect((await api<SharedSeries[]>('GET', '/api/series', tokens.ali)).body).toMatchObject([
      { name: SERIES.name, series: { year: 2026 } },
    ]);

    expect(await ali.ok('fetchTeamLibrary', {})).toEqual({ templates: 2, series: 1, unchanged: 0 });
    for (const key of ['samrad-integration', 'referensgrupp']) {
      const here = await templateOf(ali, key);
      expect(here.version).toBe(1);
      expect({ ...here, version: 0 }).toEqual({ ...(await templateOf(karin, key)), version: 0 });
    }
    const series = (await ali.ok('listSeries', {})).find((s) => s.name === SERIES.name);
    expect(series).toMatchObject({ saved: true, year: 2026, partners: ['SKR', 'Forum'], templateKey: 'samrad-integration' });
    expect(series?.planned.map((p) => p.date)).toEqual(['2026-03-10', '2026-09-15']);
    expect((await ali.ok('listSeries', {})).some((s) => s.name === 'Bara på ett dokument')).toBe(false);

    const before = library(ali);
    expect(await ali.ok('fetchTeamLibrary', {})).toEqual({ templates: 0, series: 0, unchanged: 3 });
    expect(library(ali)).toBe(before);
    // Sharing the same again changes nothing on the server either, not even who shared it when.
    expect(await karin.ok('shareTeamLibrary', {})).toEqual({ templates: 2, series: 1 });
    expect((await api<SharedTemplate[]>('GET', '/api/templates', tokens.ali)).body).toEqual(listed.body);
  });

  it('a changed template arrives as its next version, a changed series replaces the old plan', async () => {
    const mine = await templateOf(karin, 'samrad-integration');
    await karin.ok('updateTemplate', {
      template: { ...mine, sections: [...mine.sections, { ...mine.sections[0]!, key: 'uppfoljning', heading: 'Uppföljning' }] },
    });
    await karin.ok('saveSeries', { ...SERIES, planned: [...SERIES.planned, { date: '2026-11-20', theme: 'Arbete' }] });
    await karin.ok('shareTeamLibrary', {});

    expect(await ali.ok('fetchTeamLibrary', {})).toEqual({ templates: 1, series: 1, unchanged: 1 });
    const here = await templateOf(ali, 'samrad-integration');
    expect(here.version).toBe(2);
    expect(here.sections.at(-1)).toMatchObject({ key: 'uppfoljning', heading: 'Uppföljning' });
    // The version documents were made from stays as it was.
    const first = ali.db.prepare('SELECT definition FROM templates WHERE key = ? AND version = 1').get('samrad-integration') as {
      definition: string;
    };
    expect(JSON.parse(first.definition).sections.some((s: { key: string }) => s.key === 'uppfoljning')).toBe(false);
    const overview = await ali.ok('getSeriesOverview', { name: SERIES.name });
    expect(overview.planned.map((p) => p.date)).toEqual(['2026-03-10', '2026-09-15', '2026-11-20']);
    expect(await ali.ok('fetchTeamLibrary', {})).toEqual({ templates: 0, series: 0, unchanged: 3 });
  });

  it('refuses a rapportör who shares, in the app and on the server', async () => {
    expect(await ali.refused('shareTeamLibrary', {})).toMatchObject({
      code: 'team_forbidden',
      message: 'Bara en sekreterare kan dela mallar och serier med teamet.',
    });
    const template = await templateOf(ali, 'referensgrupp');
    const r = await api('PUT', '/api/templates/referensgrupp', tokens.ali, JSON.stringify({ template }));
    expect(r).toEqual({
      status: 403,
      body: { error: { code: 'refused', message: 'Bara en sekreterare kan dela mallar och serier med teamet.' } },
    });
    const s = await api('PUT', `/api/series/${encodeURIComponent(SERIES.name)}`, tokens.ali, JSON.stringify({ series: SERIES }));
    expect(s.status).toBe(403);
  });

  it('refuses a built-in key with 409 and a sentence', async () => {
    for (const key of ['samrad', 'fritt']) {
      const template = await templateOf(karin, key);
      const r = await api('PUT', `/api/templates/${key}`, tokens.karin, JSON.stringify({ template }));
      expect(r.status).toBe(409);
      expect(r.body.error.message).toBe(
        `Mallen "${key}" är inbyggd i Minnes och finns redan hos alla; spara en kopia under en egen nyckel och dela den.`,
      );
    }
    expect((await api<SharedTemplate[]>('GET', '/api/templates', tokens.karin)).body.map((t) => t.key)).toEqual([
      'referensgrupp',
      'samrad-integration',
    ]);
  });

  it('refuses an oversized or malformed body with 400/413 and keeps serving', async () => {
    const before = (await api<SharedTemplate[]>('GET', '/api/templates', tokens.karin)).body;
    const good = await templateOf(karin, 'referensgrupp');
    const put = (path: string, body: string) => api('PUT', path, tokens.karin, body);
    const huge = JSON.stringify({ template: { ...good, description: 'x'.repeat(MAX_BODY_BYTES) } });
    expect((await put('/api/templates/referensgrupp', huge)).status).toBe(413);
    expect((await put('/api/templates/referensgrupp', '{"template": ')).body).toEqual({
      error: { code: 'bad_json', message: 'Anropet är inte giltig JSON.' },
    });

    const refusals: Array<[string, unknown, string]> = [
      ['/api/templates/referensgrupp', { template: { ...good, sections: [] } }, 'Mallen är ogiltig: fältet sections'],
      ['/api/templates/referensgrupp', { template: { ...good, key: 'annan' } }, 'stämmer inte med adressens "referensgrupp"'],
      ['/api/templates/referensgrupp', { mall: good }, 'fältet template'],
      ['/api/templates/referensgrupp', [good], 'fältet template'],
      ['/api/templates/Stora%20Bokstäver', { template: good }, 'Ogiltig mallnyckel'],
      ['/api/templates/%E0%A4%A', { template: good }, 'felaktigt kodad'],
      ['/api/series/Annan', { series: SERIES }, 'stämmer inte med adressens "Annan"'],
      [`/api/series/${encodeURIComponent(SERIES.name)}`, { series: { ...SERIES, year: 1850 } }, 'Serien är ogiltig'],
    ];
    let deep: unknown = 'botten';
    for (let i = 0; i < 400; i++) deep = [deep];
    refusals.push(['/api/templates/referensgrupp', { template: { ...good, defaults: { department: deep } } }, 'för djupt nästlat']);
    for (const [path, body, message] of refusals) {
      const r = await put(path, JSON.stringify(body));
      expect(r.status, path).toBe(400);
      expect(r.body.error.message, path).toContain(message);
    }

    expect((await api('GET', '/api/me', tokens.karin)).status).toBe(200);
    expect((await api<SharedTemplate[]>('GET', '/api/templates', tokens.karin)).body).toEqual(before);
    expect(serverLog.filter((l) => l.startsWith('server: api'))).toEqual([]);
  });

  it('fetches nothing when one template on the server is one this Minnes cannot read, and says which', async () => {
    await karin.ok('saveSeries', { ...SERIES, partners: ['SKR'] });
    await karin.ok('shareTeamLibrary', {});
    const pool = new pg.Pool({ connectionString: postgres.url });
    const newer = { ...(await templateOf(karin, 'referensgrupp')), key: 'nyare', formatVersion: 9 };
    await pool.query('INSERT INTO templates (key, template) VALUES ($1, $2)', ['nyare', newer]);
    try {
      const before = library(ali);
      const r = await ali.refused('fetchTeamLibrary', {});
      expect(r.code).toBe('team_bad_answer');
      expect(r.message).toMatch(
        /^Mallen "nyare" från teamservern kan inte hämtas: Mallen kommer från en nyare version av Minnes .* Inget har hämtats\.$/,
      );
      expect(library(ali)).toBe(before);
    } finally {
      await pool.query('DELETE FROM templates WHERE key = $1', ['nyare']);
      await pool.end();
    }
    expect(await ali.ok('fetchTeamLibrary', {})).toEqual({ templates: 0, series: 1, unchanged: 2 });
  });

  it('says so in Swedish when the server cannot be reached', async () => {
    const eva = person('eva');
    saveAccount(eva.db, { serverUrl: 'http://127.0.0.1:1', user: { id: 'eva', name: 'Eva', role: 'sekreterare' }, token: 't' });
    await eva.ok('importTemplate', { json: JSON.stringify({ ...(await templateOf(eva, 'fritt')), key: 'evas-mall' }) });
    const offline = await eva.refused('fetchTeamLibrary', {});
    expect(offline.code).toBe('team_offline');
    expect(offline.message).toContain('går inte att nå just nu');
    expect((await eva.refused('shareTeamLibrary', {})).code).toBe('team_offline');
    expect(await person('utan-konto').refused('fetchTeamLibrary', {})).toMatchObject({ code: 'team_signed_out' });
  });
});
