import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SectionContent } from '../src/shared/content';
import { runsText } from '../src/shared/document-model';
import type { Db } from '../src/main/core/db';
import { setTrashed } from '../src/main/core/document-store';
import { importIntoStore } from '../src/main/core/import-document';
import { lexicalToBlocks } from '../src/main/core/model/lexical-to-blocks';
import { createFromTemplate } from '../src/main/core/new-document';
import { openStore } from '../src/main/core/store';
import { templateFromDocument } from '../src/main/core/templates/from-document';
import { deleteTemplate, duplicateTemplate, renameTemplate, updateTemplate } from '../src/main/core/templates/manage';
import { exportTemplateJson, importTemplateJson } from '../src/main/core/templates/template-file';
import { getTemplate, listTemplates } from '../src/main/core/templates/template-repo';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

const ORGANISATIONS = [
  'Hej Främling',
  'Hela Sverige ska leva',
  'Kompis Sverige',
  'Skoopi',
  'Sveriges Kommuner och Regioner',
  'Studieförbunden i samverkan',
  'Sveriges kristna råd',
  'Sveriges stadsmissioner',
];

const sectionBlocks = (s: SectionContent | undefined) => (s ? lexicalToBlocks(s.state, () => null) : []);
const sectionText = (s: SectionContent | undefined) =>
  sectionBlocks(s)
    .flatMap((b) => (b.type === 'list' ? b.items.map((i) => runsText(i.runs)) : [runsText('runs' in b ? b.runs : [])]))
    .join('\n');

async function storeWithMinutes(): Promise<{ db: Db; id: string }> {
  const db = openStore(join(tmp(), 'minnes.sqlite'));
  const doc = await importIntoStore(db, fixture('samrad-sections.md'), 'samrad-sections.md', { series: 'Integration 2026' });
  return { db, id: doc.id };
}

const templateRows = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM templates').get() as { n: number }).n;

describe('a template made from minutes', () => {
  it('keeps the carried-over sections with their text and empties the fresh ones', async () => {
    const { db, id } = await storeWithMinutes();
    const t1 = templateFromDocument(db, id, 'integrationssamrad', 'Integrationssamråd');
    expect(t1).toMatchObject({
      key: 'integrationssamrad',
      name: 'Integrationssamråd',
      version: 1,
      format: 'minnes/template',
      formatVersion: 1,
    });
    const samrad = getTemplate(db, 'samrad');
    expect(t1.sections.map((s) => [s.key, s.heading, s.carryOver, s.guidance])).toEqual(
      samrad.sections.map((s) => [s.key, s.heading, s.carryOver, s.guidance]),
    );
    const byKey = new Map(t1.sections.map((s) => [s.key, s]));
    expect(byKey.get('bakgrund')?.defaultContent).toMatch(/^Arbetsmarknadsdepartementet ansvarar för dialogen med det civila samhället/);
    const orgs = byKey.get('deltagande-organisationer')?.defaultContent ?? '';
    expect(orgs).toContain('Följande organisationer representerar civilsamhället');
    expect(orgs.split('\n').filter((l) => l.startsWith('- '))).toEqual(ORGANISATIONS.map((o) => `- ${o}`));
    for (const fresh of ['inledning', 'presentation', 'gruppdiskussioner', 'tematiska-grupper', 'medskick', 'avslutning']) {
      expect(byKey.get(fresh)?.defaultContent, fresh).toBe('');
      expect(byKey.get(fresh)?.guidance, fresh).not.toBe('');
    }
    expect(t1.titlePattern).toBe(samrad.titlePattern);
    expect(t1.houseStyle).toEqual(samrad.houseStyle);
    // The meeting's own facts never become template defaults.
    for (const own of ['date', 'dnr', 'theme', 'title'] as const) expect(t1.defaults[own] ?? '', own).toBe('');
    expect(t1.defaults).toMatchObject({
      department: 'Arbetsmarknadsdepartementet',
      unit: 'Enheten för integration och arbetet mot utanförskap',
      documentType: 'Minnesanteckningar',
      meetingType: 'samråd',
      place: 'Regeringskansliets lokaler i Stockholm',
      host: 'Adam Alfredsson',
      series: 'Integration 2026',
    });
    // Saving under the same key again is the next version; the first one stays.
    const t2 = templateFromDocument(db, id, 'integrationssamrad', 'Integrationssamråd, andra');
    expect(t2.version).toBe(2);
    expect(getTemplate(db, 'integrationssamrad', 1).name).toBe('Integrationssamråd');
    expect(listTemplates(db).find((s) => s.key === 'integrationssamrad')).toMatchObject({ version: 2, builtin: false });
    db.close();
  });

  it('refuses a built-in or invalid key and a missing name, saving nothing', async () => {
    const { db, id } = await storeWithMinutes();
    const before = templateRows(db);
    expect(() => templateFromDocument(db, id, 'samrad', 'Kopia')).toThrow(/Mallen "samrad" är inbyggd; byt nyckel/);
    expect(() => templateFromDocument(db, id, 'Mitt Samråd', 'Kopia')).toThrow(
      /Ogiltig mallnyckel "Mitt Samråd": Nyckeln får bara innehålla/,
    );
    expect(() => templateFromDocument(db, id, '../../etc', 'Kopia')).toThrow(/Ogiltig mallnyckel/);
    expect(() => templateFromDocument(db, id, 'mitt', '  ')).toThrow(/Ange ett namn/);
    expect(() => templateFromDocument(db, 'finnsinte', 'mitt', 'Mitt')).toThrow(/Det finns inget dokument/);
    expect(templateRows(db)).toBe(before);
    db.close();
  });

  it('travels as a file to a fresh database, and the next minutes from it have the organisations but not the takeaways', async () => {
    const { db, id } = await storeWithMinutes();
    templateFromDocument(db, id, 'integrationssamrad', 'Integrationssamråd');
    const json = exportTemplateJson(db, 'integrationssamrad');
    db.close();
    expect(JSON.parse(json)).toMatchObject({ format: 'minnes/template', formatVersion: 1, version: 1, key: 'integrationssamrad' });

    const fresh = openStore(join(tmp(), 'annan.sqlite'));
    const imported = importTemplateJson(fresh, json);
    expect(imported).toMatchObject({ key: 'integrationssamrad', version: 1 });
    expect(importTemplateJson(fresh, json).version).toBe(2);
    const next = createFromTemplate(fresh, 'integrationssamrad', { date: '2026-11-12' });
    expect(next.title).toBe('Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 12 november 2026');
    expect(next.metadata).toMatchObject({ host: 'Adam Alfredsson', series: 'Integration 2026', dnr: '', theme: '' });
    const sections = new Map(next.content.sections.map((s) => [s.key, s]));
    const orgList = sectionBlocks(sections.get('deltagande-organisationer')).find((b) => b.type === 'list');
    expect(orgList?.type === 'list' && orgList.items.map((i) => runsText(i.runs))).toEqual(ORGANISATIONS);
    expect(sectionText(sections.get('bakgrund'))).toContain('Sveriges Kommuner och Regioner (SKR)');
    expect(sectionBlocks(sections.get('medskick'))).toEqual([]);
    expect(sectionBlocks(sections.get('presentation'))).toEqual([]);
    expect(next.content.sections.map(sectionText).join('\n')).not.toMatch(/Långsiktighet|Karl-Oskar Lindgren|projekttrötthet/);
    fresh.close();
  });
});

describe('managing templates', () => {
  it('renames and updates as new versions, and refuses to change built-ins', async () => {
    const { db, id } = await storeWithMinutes();
    templateFromDocument(db, id, 'mitt', 'Mitt samråd');
    expect(renameTemplate(db, 'mitt', 'Vårt samråd')).toMatchObject({ version: 2, name: 'Vårt samråd' });
    expect(getTemplate(db, 'mitt', 1).name).toBe('Mitt samråd');
    const current = getTemplate(db, 'mitt');
    const changed = updateTemplate(db, {
      ...current,
      sections: current.sections.map((s, i) => (i === 0 ? { ...s, heading: 'Öppning' } : s)),
    });
    expect(changed).toMatchObject({ version: 3 });
    expect(changed.sections[0]?.heading).toBe('Öppning');
    expect(() => updateTemplate(db, { ...current, sections: [] })).toThrow(/Mallen är ogiltig: fältet sections: /);
    expect(() => updateTemplate(db, { ...current, sections: [{ ...current.sections[0], heading: '' }] })).toThrow(
      /fältet sections\[0\]\.heading: För lite/,
    );
    expect(() => updateTemplate(db, { ...current, key: 'finns-inte' })).toThrow(/ingen mall med nyckeln "finns-inte"/);
    expect(() => renameTemplate(db, 'samrad', 'Nytt')).toThrow(/inbyggd och kan inte byta namn/);
    expect(() => updateTemplate(db, getTemplate(db, 'samrad'))).toThrow(/inbyggd och kan inte ändras/);
    expect(() => deleteTemplate(db, 'fritt')).toThrow(/inbyggd och kan inte tas bort/);
    expect(getTemplate(db, 'mitt').version).toBe(3);
    db.close();
  });

  it('duplicates (also built-ins), deletes an unused template and refuses one that documents use', async () => {
    const { db } = await storeWithMinutes();
    const copy = duplicateTemplate(db, 'samrad', 'eget-samrad', 'Eget samråd');
    expect(copy).toMatchObject({ key: 'eget-samrad', version: 1, name: 'Eget samråd' });
    expect(copy.sections).toEqual(getTemplate(db, 'samrad').sections);
    expect(() => duplicateTemplate(db, 'samrad', 'eget-samrad', 'Igen')).toThrow(/finns redan en mall med nyckeln "eget-samrad"/);
    expect(() => duplicateTemplate(db, 'samrad', 'fritt', 'Igen')).toThrow(/inbyggd; byt nyckel/);

    duplicateTemplate(db, 'eget-samrad', 'oanvand', 'Oanvänd');
    deleteTemplate(db, 'oanvand');
    expect(listTemplates(db).map((s) => s.key)).not.toContain('oanvand');
    expect(getTemplate(db, 'oanvand', 1).name).toBe('Oanvänd'); // old versions still resolve
    expect(() => exportTemplateJson(db, 'oanvand')).toThrow(/ingen mall/);
    expect(() => deleteTemplate(db, 'oanvand')).toThrow(/ingen mall/);

    const used = createFromTemplate(db, 'eget-samrad', { date: '2026-11-12' });
    setTrashed(db, used.id, true);
    expect(() => deleteTemplate(db, 'eget-samrad')).toThrow(
      'Mallen används av 1 dokument (varav 1 i papperskorgen) och kan inte tas bort.',
    );
    expect(listTemplates(db).map((s) => s.key)).toContain('eget-samrad');
    db.close();
  });
});

describe('template files', () => {
  it('refuses bad files with a clear message and imports nothing', async () => {
    const { db, id } = await storeWithMinutes();
    const good = JSON.parse(exportTemplateJson(db, 'samrad')) as Record<string, unknown> & { sections: Array<Record<string, unknown>> };
    const mine = { ...good, key: 'mitt' };
    templateFromDocument(db, id, 'befintlig', 'Befintlig');
    const before = templateRows(db);
    const cases: Array<[string, RegExp]> = [
      ['{ inte json', /^Filen är inte JSON/],
      ['[1, 2]', /ska vara ett JSON-objekt/],
      [JSON.stringify({ ...mine, format: 'annat' }), /ingen Minnes-mall/],
      [
        JSON.stringify({ ...mine, sections: [{ ...good.sections[0], heading: '' }] }),
        /^Mallen är ogiltig: fältet sections\[0\]\.heading: /,
      ],
      [
        JSON.stringify({ ...mine, sections: [{ ...good.sections[0], key: '../../etc/passwd' }] }),
        /fältet sections\[0\]\.key: Nyckeln får bara/,
      ],
      [JSON.stringify({ ...mine, name: 42 }), /fältet name: Ogiltig inmatning/],
      [JSON.stringify({ ...mine, formatVersion: 2, sections: 'helt annat' }), /^Mallen kommer från en nyare version av Minnes/],
      [JSON.stringify(good), /^Mallen "samrad" är inbyggd; byt nyckel/],
      [JSON.stringify({ ...mine, key: 'befintlig', description: 'x'.repeat(1024 * 1024) }), /för stor \(högst 1 MB\)/],
    ];
    for (const [text, message] of cases) {
      expect(() => importTemplateJson(db, text), text.slice(0, 60)).toThrow(message);
      expect(templateRows(db)).toBe(before);
    }
    expect(getTemplate(db, 'befintlig').version).toBe(1);
    // The same built-in file is welcome under a key of its own.
    expect(importTemplateJson(db, JSON.stringify(good), { key: 'min-kopia', name: 'Min kopia' })).toMatchObject({
      key: 'min-kopia',
      version: 1,
    });
    expect(importTemplateJson(db, `\uFEFF${JSON.stringify(mine)}`)).toMatchObject({ key: 'mitt', version: 1 });
    db.close();
  });
});
