import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../src/shared/contract';
import { dispatch } from '../src/main/core/dispatch';
import { loadDocument } from '../src/main/core/document-store';
import { createHandlers } from '../src/main/core/handlers';
import { importIntoStore } from '../src/main/core/import-document';
import { openStore } from '../src/main/core/store';
import { blocks, fixture, text, textItems } from './import-helpers';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';
import { renderText } from '../src/shared/i18n/catalogue';

/**
 * The plain layout mapped into the Samråd sections as the app, the CLI and the IPC handler see it:
 * saved in a real SQLite store and read back, and the notice when it cannot be split reaching the user.
 */

const tmp = useTmpDir();
const SEED = fixture('samrad-2026-06-09.txt');
const UNSPLITTABLE = Buffer.from('Vi gick igenom budgeten.\n\n- Lokalhyran\n- Resorna\n', 'utf8');
const NO_CUES = 'Texten kunde inte delas upp i mallens avsnitt; allt ligger i Inledning.';

const storeIn = () => {
  const dbPath = join(tmp(), 'm.sqlite');
  return { db: openStore(dbPath), dbPath };
};

/** Section key → the texts of its blocks, lists as their item count, from what the store saved. */
function savedSections(db: ReturnType<typeof openStore>, id: string) {
  return Object.fromEntries(
    loadDocument(db, id).content.sections.map((s) => [
      s.key,
      blocks(s)
        .filter((b) => b.type === 'list' || text(b) !== '')
        .map((b) => (b.type === 'list' ? textItems(b).length : text(b).slice(0, 30))),
    ]),
  );
}

describe('importing into the store', () => {
  it('saves the seed in the Samråd sections, with the template recorded and nothing to tell', async () => {
    const { db } = storeIn();
    const doc = await importIntoStore(db, SEED, 'samrad-2026-06-09.txt', { templateKey: 'samrad' });
    expect(doc.notices).toEqual([]);
    expect(doc.templateKey).toBe('samrad');
    expect(savedSections(db, doc.id)).toEqual({
      inledning: ['Den 9 juni 2026 bjöd Adam Alfr'],
      bakgrund: ['Arbetsmarknadsdepartementet an'],
      'deltagande-organisationer': ['Följande organisationer repres', 8],
      presentation: ['Samrådet inleddes av statssekr', 'Därefter presenterade Karl-Osk'],
      gruppdiskussioner: ['Därefter följde diskussioner i', 3],
      'tematiska-grupper': ['Deltagarna fick i förväg välja'],
      medskick: ['Under gruppdiskussionerna lyft', 14],
      avslutning: ['Efter gruppdiskussionerna lyft', 'Samrådet summerades och avslut'],
    });
  });

  it('maps by cues when the front matter names the template and the text has no headings', async () => {
    const { db } = storeIn();
    const body = fixture('samrad-socialdepartementet-2026-10-14.txt').toString('utf8').split('\n').slice(5).join('\n');
    const md = Buffer.from(`---\ntemplate: samrad\ndate: 2026-10-14\nhost: Maria Lind\n---\n${body}`, 'utf8');
    const doc = await importIntoStore(db, md, 'social.md');
    expect(doc.templateKey).toBe('samrad');
    const saved = savedSections(db, doc.id);
    expect(saved['deltagande-organisationer']).toEqual(['I dialogen under 2026 deltar f', 6]);
    expect(saved.medskick).toEqual(['I samtalen framförde organisat', 3, 2]);
    expect(saved.avslutning).toHaveLength(2);
  });

  it('keeps everything in Inledning and returns the notice when no cue is found', async () => {
    const { db } = storeIn();
    const doc = await importIntoStore(db, UNSPLITTABLE, 'budget.txt', { templateKey: 'samrad' });
    expect(doc.notices?.map((n) => renderText('sv', n))).toEqual([NO_CUES]);
    expect(savedSections(db, doc.id)).toMatchObject({ inledning: ['Vi gick igenom budgeten.', 2], bakgrund: [], avslutning: [] });
  });
});

describe('the notice reaches the user', () => {
  it('minnes import prints it as one line on stderr, and the id alone on stdout', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'budget.txt'), UNSPLITTABLE);
    writeFileSync(join(dir, 'seed.txt'), SEED);
    const run = cliIn(dir);
    const plain = await run('import', 'budget.txt', '--template', 'samrad', '--db', 'm.sqlite');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).toBe(`${NO_CUES}\n`);
    expect(plain.stdout).toMatch(/^[A-Za-z0-9_-]{6,40}\n$/);
    const seed = await run('import', 'seed.txt', '--template', 'samrad', '--db', 'm.sqlite');
    expect(seed.code).toBe(0);
    expect(seed.stderr).toBe('');
  });

  it('the importDocument handler returns it with the summary, as the contract allows', async () => {
    const { db, dbPath } = storeIn();
    const handlers = createHandlers({ db, dbPath, host: 'browser' });
    const call = (data: Buffer, fileName: string) =>
      dispatch(handlers, 'importDocument', { fileName, dataBase64: data.toString('base64'), templateKey: 'samrad' });
    const unsplit = await call(UNSPLITTABLE, 'budget.txt');
    expect(unsplit).toMatchObject({ ok: true, value: { templateKey: 'samrad', notices: [NO_CUES] } });
    const seed = await call(SEED, 'seed.txt');
    expect(seed).toMatchObject({ ok: true, value: { notices: [] } });
    if (!unsplit.ok) throw new Error('import failed');
    expect(contract.importDocument.output.parse(unsplit.value)).toMatchObject({ notices: [NO_CUES] });
  });
});
