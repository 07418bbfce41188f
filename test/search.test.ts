import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/main/cli/io';
import { searchCommand } from '../src/main/cli/commands/search';
import type { Db } from '../src/main/core/db';
import { saveDocument, setTrashed } from '../src/main/core/document-store';
import { importIntoStore } from '../src/main/core/import-document';
import { searchDocuments, toMatchExpression, type SearchHit } from '../src/main/core/search';
import { openStore } from '../src/main/core/store';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

function minutes(title: string, body: string, extra = ''): Buffer {
  return Buffer.from(`---\ndepartment: Kulturdepartementet\ntitle: ${title}\ndate: 2026-03-01\n${extra}---\n\n${body}\n`);
}

/** A store with five minutes through the real import path; returns their ids by name. */
async function seeded(file = join(tmp(), 'm.sqlite')) {
  const db = openStore(file);
  const add = async (title: string, body: string, extra = '') => (await importIntoStore(db, minutes(title, body, extra), 'x.md')).id;
  const ids = {
    feedback: await add('Samråd om stöd', 'Deltagarna efterfrågade återkoppling på sina synpunkter i ärendet.'),
    openness: await add('Dialogmöte våren', 'Öppenhet och förtroende var ledord. Nästa år hålls mötet i Malmö.'),
    ar: await add('Möte om arenor', 'Vi diskuterade ar och for som förkortningar, inte svenska ord.'),
    democracyTitle: await add('Demokrati i fokus', 'Kort anteckning utan fler detaljer.'),
    democracyBody: await add('Samråd om föreningsliv', 'Insatser för demokratistärkande arbete i föreningar.', 'theme: Ideell sektor\n'),
  };
  return { db, ids, file };
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const marked = (h: SearchHit) => h.highlights.map(([s, e]) => h.snippet.slice(s, e));

describe('searchDocuments', () => {
  it('finds words in the title, the metadata and the text, case-insensitively', async () => {
    const { db, ids: d } = await seeded();
    expect(ids(searchDocuments(db, 'återkoppling'))).toEqual([d.feedback]);
    expect(ids(searchDocuments(db, 'ÅTERKOPPLING'))).toEqual([d.feedback]);
    expect(ids(searchDocuments(db, 'ÖPPENHET'))).toEqual([d.openness]);
    expect(ids(searchDocuments(db, 'ärende'))).toEqual([d.feedback]);
    expect(ids(searchDocuments(db, 'ideell'))).toEqual([d.democracyBody]); // metadata value (theme)
    expect(searchDocuments(db, 'kulturdepartementet')).toHaveLength(5);
    expect(searchDocuments(db, 'sjöfart')).toEqual([]);
    db.close();
  });

  it('keeps å, ä and ö letters of their own: "år" is not "ar", "för" is not "for"', async () => {
    const { db, ids: d } = await seeded();
    expect(ids(searchDocuments(db, 'år'))).toEqual([d.openness]);
    expect(ids(searchDocuments(db, 'ar'))).toContain(d.ar);
    expect(ids(searchDocuments(db, 'ar'))).not.toContain(d.openness);
    expect(ids(searchDocuments(db, 'for'))).toEqual([d.ar]);
    expect(ids(searchDocuments(db, 'öppen'))).toEqual([d.openness]);
    expect(searchDocuments(db, 'oppenhet')).toEqual([]);
    db.close();
  });

  it('treats every word as a prefix and requires all of them', async () => {
    const { db, ids: d } = await seeded();
    expect(ids(searchDocuments(db, 'demokratistärk'))).toEqual([d.democracyBody]);
    expect(ids(searchDocuments(db, 'återkopp synpunkt'))).toEqual([d.feedback]);
    expect(searchDocuments(db, 'återkoppling malmö')).toEqual([]);
    db.close();
  });

  it('ranks a title hit above a body-only hit', async () => {
    const { db, ids: d } = await seeded();
    expect(ids(searchDocuments(db, 'demokrati'))).toEqual([d.democracyTitle, d.democracyBody]);
    db.close();
  });

  it('leaves trashed minutes out unless asked, and respects the limit', async () => {
    const { db, ids: d } = await seeded();
    setTrashed(db, d.feedback, true);
    expect(searchDocuments(db, 'återkoppling')).toEqual([]);
    expect(ids(searchDocuments(db, 'återkoppling', { includeTrashed: true }))).toEqual([d.feedback]);
    expect(searchDocuments(db, 'kulturdepartementet', { limit: 2 })).toHaveLength(2);
    db.close();
  });

  it('follows edits: the index is kept in step by the triggers', async () => {
    const { db, ids: d } = await seeded();
    const replacement = await importIntoStore(db, minutes('Tillfälligt', 'Nu handlar det om kulturarv.'), 'y.md');
    saveDocument(db, d.feedback, { content: replacement.content });
    expect(ids(searchDocuments(db, 'kulturarv')).sort()).toEqual([replacement.id, d.feedback].sort());
    expect(searchDocuments(db, 'återkoppling')).toEqual([]);
    db.close();
  });

  it('returns plain-text snippets with highlight ranges on the matched words', async () => {
    const { db, ids: d } = await seeded();
    const [hit] = searchDocuments(db, 'Återkopp ärendet');
    expect(hit).toMatchObject({ id: d.feedback, title: 'Samråd om stöd', date: '2026-03-01', status: 'utkast' });
    expect(hit?.snippet).toContain('Deltagarna efterfrågade återkoppling');
    expect(marked(hit!)).toEqual(['återkoppling', 'ärendet']);
    for (const c of ['<', '>', '\u0002', '\u0003']) expect(hit?.snippet).not.toContain(c);
    // A hit only in the title shows the title, highlighted.
    const [title] = searchDocuments(db, 'dialogmöte');
    expect(marked(title!)).toEqual(['Dialogmöte']);
    db.close();
  });

  it('finds text stored decomposed (NFD), and keeps ranges well-formed whatever the text holds', async () => {
    const { db } = await seeded();
    const nfd = await importIntoStore(db, minutes('Möte', 'Årsmötet och \u0002kassan\u0003 granskades.'.normalize('NFD')), 'n.md');
    expect(ids(searchDocuments(db, 'årsmöte'))).toEqual([nfd.id]);
    const [hit] = searchDocuments(db, 'kassan');
    expect(hit?.id).toBe(nfd.id);
    for (const [s, e] of hit!.highlights) expect(0 <= s && s < e && e <= hit!.snippet.length).toBe(true);
    for (const c of ['\u0002', '\u0003']) expect(hit?.snippet).not.toContain(c);
    db.close();
  });

  it('never passes user text to FTS5 as syntax: hostile queries are words or nothing', async () => {
    const { db, ids: d } = await seeded();
    const hostile = [
      '"',
      '"""',
      'återkoppling"',
      '*',
      'å*',
      '-',
      '- återkoppling',
      '+',
      ':',
      '^',
      '^återkoppling',
      '(',
      ')',
      '(återkoppling',
      'NEAR',
      'NEAR(återkoppling ärendet, 2)',
      'AND',
      'OR',
      'NOT',
      'återkoppling NOT ärendet',
      'återkoppling OR',
      'title:återkoppling',
      '{title body}: x',
      'body:',
      "'; DROP TABLE documents; --",
      '\u0000\u0002\u0003',
      '😀 🇸🇪',
      '',
      '   \n\t ',
      'a'.repeat(100_000),
      Array.from({ length: 500 }, (_, i) => `ord${i}`).join(' '),
    ];
    for (const q of hostile) expect(() => searchDocuments(db, q), JSON.stringify(q.slice(0, 40))).not.toThrow();
    for (const q of ['', '   \n\t ', '"', '*', '()', ':^-+', '😀']) expect(searchDocuments(db, q)).toEqual([]);
    // The operators are plain words: "NOT" is required to be in the text, not an exclusion.
    expect(searchDocuments(db, 'återkoppling NOT ärendet')).toEqual([]);
    expect(ids(searchDocuments(db, 'title:återkoppling'))).toEqual([]);
    expect(ids(searchDocuments(db, '"återkoppling" -ärendet*'))).toEqual([d.feedback]);
    expect(searchDocuments(db, 'kulturdepartementet')).toHaveLength(5); // still intact
    db.close();
  });

  it('builds quoted, AND-ed prefix terms and caps long queries', () => {
    expect(toMatchExpression('Demokrat  år')).toBe('"Demokrat"* AND ("\u00e5r"* OR "a\u030ar"*)');
    expect(toMatchExpression('EU-medel i')).toBe('"EU medel"* AND "i"');
    expect(toMatchExpression('a"b OR c')).toBe('"a b" AND "OR"* AND "c"');
    const many = toMatchExpression(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '));
    expect(many?.split(' AND ')).toHaveLength(20);
    expect(toMatchExpression(' "*" ')).toBeNull();
  });
});

describe('minnes search', () => {
  async function run(db: Db, file: string, ...args: string[]) {
    db.close();
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, cwd: tmp() };
    const code = searchCommand([...args, '--db', file], io);
    return { code, stdout, stderr };
  }

  it('prints one JSON array and nothing else with --json', async () => {
    const { db, ids: d, file } = await seeded();
    const r = await run(db, file, 'återkoppling', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const hits = JSON.parse(r.stdout) as SearchHit[];
    expect(hits).toEqual([expect.objectContaining({ id: d.feedback, title: 'Samråd om stöd', date: '2026-03-01' })]);
    expect(typeof hits[0]?.snippet).toBe('string');
  });

  it('prints "id  date  title" with an indented snippet in text mode, and joins several words', async () => {
    const { db, ids: d, file } = await seeded();
    const r = await run(db, file, 'öppenhet', 'malmö');
    expect(r.code).toBe(0);
    const [line, snippet] = r.stdout.split('\n');
    expect(line).toBe(`${d.openness}  2026-03-01  Dialogmöte våren`);
    expect(snippet).toMatch(/^ {4}.*Öppenhet/);
    const none = await run(openStore(file), file, '"(');
    expect(none).toMatchObject({ code: 0, stdout: 'No matches.\n' });
  });
});
