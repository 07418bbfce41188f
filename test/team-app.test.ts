import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../src/shared/content';
import type { SecretBox } from '../src/main/core/sync/team-account';
import { parseRunArgs } from '../src/server/config';
import { startTeamServer, type TeamServer } from '../src/server/team-server';
import { startPostgres, type TestPostgres } from './support/postgres';
import { addTeamUser, teamPeople, type Person } from './support/team-people';

// Two people, each with their own local store, co-drafting through a real team server on a real
// PostgreSQL, every call going through the same handler table and dispatch the app uses.

let postgres: TestPostgres;
let server: TeamServer;
let karin: Person; // sekreterare, token sealed by a SecretBox as Electron does
let ali: Person; // rapportör, token kept as is as the browser host does
let codes: { karin: string; ali: string };
const serverLog: string[] = [];
const people = teamPeople('team-app', serverLog);
const person = people.person;

/** Stands in for Electron's safeStorage: a reversible transformation the plain token never survives. */
const secrets: SecretBox = {
  seal: (plain) => `sealed:${Buffer.from(plain).reverse().toString('base64')}`,
  open: (sealed) => Buffer.from(sealed.slice('sealed:'.length), 'base64').reverse().toString(),
};

async function addUser(name: string, role: string): Promise<string> {
  return addTeamUser(postgres.url, name, role);
}

/** The server's record of a document, asked through its API as any client would. */
async function onServer(id: string): Promise<{ status: string; metadata: Record<string, unknown> }> {
  const { token } = (await karin.ok('teamAccount', {}))!;
  const res = await fetch(`${server.url}/api/documents/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; metadata: Record<string, unknown> };
}

/** A Yjs update typing `text` into a section, as the Lexical binding does (its XmlText 'root'). */
function typed(doc: Y.Doc, text: string): string {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = u);
  doc.on('update', keep);
  const root = doc.get('root', Y.XmlText);
  root.insert(root.length, text);
  doc.off('update', keep);
  return Buffer.from(update!).toString('base64');
}

const textOf = (stateBase64: string): string => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(stateBase64, 'base64')));
  return doc.get('root', Y.XmlText).toString();
};

function contentWith(sections: ContentEnvelope['sections'], text: string): ContentEnvelope {
  const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
  const node = { type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 };
  const state = {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ ...paragraph, children: [node] }] },
  };
  return { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: sections.map((s, i) => (i === 0 ? { ...s, state } : s)) as never };
}

const statusOf = async (p: Person, id: string) => (await p.ok('getDocument', { id })).status;
const updateRows = (p: Person, id: string) =>
  (p.db.prepare('SELECT count(*) AS n FROM section_updates WHERE document_id = ?').get(id) as { n: number }).n;

let sharedId: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const config = parseRunArgs(['--port', '0', '--database', postgres.url], {});
  server = await startTeamServer({ ...config, log: (l) => serverLog.push(`server: ${l}`) });
  codes = { karin: await addUser('Karin Åström', 'sekreterare'), ali: await addUser('Ali Haddad', 'rapportör') };
  karin = person('karin', secrets);
  ali = person('ali');
});

afterAll(async () => {
  await server?.close();
  people.cleanUp();
  postgres?.stop();
});

describe('co-drafting in the app, two people and a team server', () => {
  it('signs in with the one-time code: a wrong one gets the server’s sentence, the token is kept sealed', async () => {
    expect(await karin.refused('teamSignIn', { serverUrl: server.url, code: 'FEL-KOD-1234' })).toEqual({
      code: 'team_unauthorized',
      message: 'Koden är fel, redan använd eller för gammal: be sekreteraren om en ny.',
    });
    expect(await karin.ok('teamAccount', {})).toBeNull();

    // Typed without the scheme, as a person might: it becomes the server's origin.
    const signed = await karin.ok('teamSignIn', { serverUrl: server.url.replace('http://', ''), code: codes.karin });
    expect(signed).toMatchObject({ serverUrl: server.url, syncUrl: server.syncUrl, user: { name: 'Karin Åström', role: 'sekreterare' } });
    const account = (await karin.ok('teamAccount', {}))!;
    expect(account).toEqual(signed);
    const row = karin.db.prepare('SELECT token, sealed FROM team_account').get() as { token: string; sealed: number };
    expect(row.sealed).toBe(1);
    expect(row.token).not.toContain(account.token);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${account.token}` } });
    expect(await me.json()).toMatchObject({ name: 'Karin Åström', role: 'sekreterare' });

    expect((await ali.ok('teamSignIn', { serverUrl: server.url, code: codes.ali })).user).toMatchObject({ role: 'rapportör' });
    // A code works once.
    expect((await ali.refused('teamSignIn', { serverUrl: server.url, code: codes.ali })).code).toBe('team_unauthorized');
    expect((await ali.ok('teamAccount', {}))?.user.name).toBe('Ali Haddad');
  });

  it('a document the sekreterare shares appears in the rapportör’s list and opens as a local copy', async () => {
    const created = await karin.ok('createDocument', { metadata: { date: '2026-06-09', theme: 'Vattenplanen' } });
    sharedId = created.id;
    await karin.ok('shareDocument', { id: sharedId });
    expect((await onServer(sharedId)).status).toBe('utkast');

    const listed = await ali.ok('listTeamDocuments', {});
    expect(listed.find((d) => d.id === sharedId)).toMatchObject({
      title: created.title,
      meetingDate: '2026-06-09',
      status: 'utkast',
      local: false,
    });

    const copy = await ali.ok('openTeamDocument', { id: sharedId });
    expect(copy).toMatchObject({ id: sharedId, title: created.title, status: 'utkast', templateKey: created.templateKey });
    const outline = (d: typeof copy) => d.content.sections.map((s) => [s.key, s.heading]);
    expect(outline(copy)).toEqual(outline(created));
    expect(outline(copy).length).toBeGreaterThan(1);
    expect((await ali.ok('listDocuments', {})).map((d) => d.id)).toEqual([sharedId]);
    expect((await ali.ok('listTeamDocuments', {})).find((d) => d.id === sharedId)?.local).toBe(true);

    // Thrown away and opened again from the team's list: the same copy comes back from the trash.
    await ali.ok('trashDocument', { id: sharedId });
    expect(await ali.ok('openTeamDocument', { id: sharedId })).toMatchObject({ id: sharedId, deletedAt: null });
  });

  it('sharedInfo: who seeds, what is unsent, and the local Yjs state across markSectionSent', async () => {
    const solo = await karin.ok('createDocument', {});
    expect(await karin.ok('sharedInfo', { id: solo.id })).toEqual({ shared: false, account: null, sections: [], serverStatus: null });

    const before = await karin.ok('sharedInfo', { id: sharedId });
    expect(before).toMatchObject({ shared: true, serverStatus: 'utkast', account: { user: { name: 'Karin Åström' } } });
    expect(before.sections.length).toBeGreaterThan(1);
    expect(before.sections.every((s) => s.seed && s.unsent === 0 && textOf(s.stateBase64) === '')).toBe(true);
    const theirs = await ali.ok('sharedInfo', { id: sharedId });
    expect(theirs.sections.map((s) => s.seed)).toEqual(before.sections.map(() => false));

    const [first, second] = before.sections.map((s) => s.key) as [string, string];
    const doc = new Y.Doc();
    const updates = [typed(doc, 'Mötet öppnades. '), typed(doc, 'Dagordningen godkändes.')];
    await karin.ok('appendSectionUpdates', { id: sharedId, section: first, updates: updates.map((u) => ({ dataBase64: u, sent: false })) });
    const pending = await karin.ok('sharedInfo', { id: sharedId });
    const byKey = (info: typeof pending, key: string) => info.sections.find((s) => s.key === key)!;
    expect(byKey(pending, first)).toMatchObject({ unsent: 2, seed: false });
    expect(textOf(byKey(pending, first).stateBase64)).toBe('Mötet öppnades. Dagordningen godkändes.');
    expect(byKey(pending, second)).toMatchObject({ unsent: 0, seed: true });

    await karin.ok('markSectionSent', { id: sharedId, section: first });
    const sent = await karin.ok('sharedInfo', { id: sharedId });
    expect(byKey(sent, first).unsent).toBe(0);
    expect(textOf(byKey(sent, first).stateBase64)).toBe('Mötet öppnades. Dagordningen godkändes.');
    expect(updateRows(karin, sharedId)).toBe(1); // the two updates were folded into one
    expect(sent.sections.some((s) => s.seed)).toBe(false); // the server holds the document now
  });

  it('status is decided on the server: the sekreterare’s steps reach it, a rapportör’s are refused', async () => {
    const error = await ali.refused('changeStatus', { id: sharedId, status: 'granskning' });
    expect(error).toEqual({ code: 'team_refused', message: 'Bara en sekreterare kan ändra mötesuppgifter och status.' });
    expect(await statusOf(ali, sharedId)).toBe('utkast');
    expect((await onServer(sharedId)).status).toBe('utkast');

    await karin.ok('changeStatus', { id: sharedId, status: 'granskning' });
    expect((await onServer(sharedId)).status).toBe('granskning');
    // A step this copy refuses (no approver named) never reaches the server.
    expect((await karin.refused('changeStatus', { id: sharedId, status: 'justerad' })).code).toBe('approver_required');
    expect((await onServer(sharedId)).status).toBe('granskning');
    await karin.ok('changeStatus', { id: sharedId, status: 'justerad', approvedBy: 'Karin Åström' });
    expect(await onServer(sharedId)).toMatchObject({ status: 'justerad', metadata: { approvedBy: 'Karin Åström' } });
    expect(await karin.ok('getDocument', { id: sharedId })).toMatchObject({ status: 'justerad', readOnly: true });

    // The rapportör's copy follows the server when it is next opened.
    expect((await ali.ok('sharedInfo', { id: sharedId })).serverStatus).toBe('justerad');
    expect(await ali.ok('getDocument', { id: sharedId })).toMatchObject({ status: 'justerad', approvedBy: 'Karin Åström' });
  });

  it('late edits refused by the server are kept as a conflict copy, and the shared document’s updates are dropped', async () => {
    const doc = await karin.ok('getDocument', { id: sharedId });
    expect(updateRows(karin, sharedId)).toBeGreaterThan(0);
    const summary = await karin.ok('saveConflictCopy', {
      id: sharedId,
      content: contentWith(doc.content.sections, 'Skrivet efter justeringen.'),
    });
    expect(summary.title).toBe(`${doc.title} (konfliktkopia)`);
    expect(summary.id).not.toBe(sharedId);
    const copy = await karin.ok('getDocument', { id: summary.id });
    expect(copy).toMatchObject({ status: 'utkast', readOnly: false });
    expect(JSON.stringify(copy.content.sections[0]!.state)).toContain('Skrivet efter justeringen.');
    expect((await karin.ok('sharedInfo', { id: summary.id })).shared).toBe(false);

    expect(updateRows(karin, sharedId)).toBe(0);
    const info = await karin.ok('sharedInfo', { id: sharedId });
    expect(info.sections.every((s) => s.unsent === 0 && textOf(s.stateBase64) === '')).toBe(true);
    expect(await statusOf(karin, sharedId)).toBe('justerad');
  });

  it('the server’s text is mirrored into a locked copy, which still refuses a save; a document not shared refuses both', async () => {
    const doc = await ali.ok('getDocument', { id: sharedId });
    expect(doc.readOnly).toBe(true);
    await ali.ok('mirrorSharedContent', { id: sharedId, content: contentWith(doc.content.sections, 'Den justerade texten.') });
    const mirrored = await ali.ok('getDocument', { id: sharedId });
    expect(JSON.stringify(mirrored.content.sections[0]!.state)).toContain('Den justerade texten.');
    expect(mirrored.status).toBe('justerad');

    const save = await ali.refused('saveDocument', { id: sharedId, content: contentWith(doc.content.sections, 'Ändrat lokalt.') });
    expect(save).toMatchObject({ code: 'locked', message: 'Dokumentet är justerat och låst. Skapa en ny version för att ändra det.' });
    expect(JSON.stringify((await ali.ok('getDocument', { id: sharedId })).content)).not.toContain('Ändrat lokalt.');

    const solo = await ali.ok('createDocument', {});
    const notShared = { code: 'not_shared', message: 'Dokumentet är inte delat med teamet.', text: { key: 'errors.team.notShared' } };
    expect(await ali.refused('mirrorSharedContent', { id: solo.id, content: contentWith(solo.content.sections, 'x') })).toEqual(notShared);
    const update = typed(new Y.Doc(), 'x');
    const key = solo.content.sections[0]!.key;
    expect(
      await ali.refused('appendSectionUpdates', { id: solo.id, section: key, updates: [{ dataBase64: update, sent: false }] }),
    ).toEqual(notShared);
    expect(JSON.stringify((await ali.ok('getDocument', { id: solo.id })).content)).not.toContain('"text":"x"');
    expect(updateRows(ali, solo.id)).toBe(0);
  });

  it('a status change of a shared document is refused while the team server cannot be reached', async () => {
    const draft = await karin.ok('createDocument', { metadata: { date: '2026-06-16' } });
    await karin.ok('shareDocument', { id: draft.id });
    await server.close();
    const error = await karin.refused('changeStatus', { id: draft.id, status: 'granskning' });
    expect(error.code).toBe('team_offline');
    expect(error.message).toContain(`Teamservern ${server.url} går inte att nå just nu`);
    expect(await statusOf(karin, draft.id)).toBe('utkast');
    // What is stored here still opens, without the server's status.
    expect(await karin.ok('sharedInfo', { id: draft.id })).toMatchObject({ shared: true, serverStatus: null });
  });
});
