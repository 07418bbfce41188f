import { describe, expect, it } from 'vitest';
import { TemplateSchema, type Template } from '../src/shared/template';
import { importText, type ImportResult } from '../src/main/core/import';
import { BUILTIN_TEMPLATES } from '../src/main/core/templates/builtin';
import { blocks, expectLoadsInLexical, fixture, text, textItems, type Node } from './import-helpers';
import { SEED_ORGANISATIONS } from './support/sample-model';
import { renderText } from '../src/shared/i18n/catalogue';

/**
 * Ministry minutes in their plain layout (no headings) imported with the Samråd template land in
 * the template's sections by the cues such minutes use. The seed is the ministry's own text; the
 * two others are written for this test in the same layout with other ministries, organisations
 * and wording, so that the rules cannot lean on the seed's exact sentences.
 */

const SAMRAD: Template = BUILTIN_TEMPLATES.find((t) => t.key === 'samrad')!;
const NO_CUES = 'Texten kunde inte delas upp i mallens avsnitt; allt ligger i Inledning.';

const SEED = 'samrad-2026-06-09.txt';
const SOCIAL = 'samrad-socialdepartementet-2026-10-14.txt';
const KULTUR = 'samrad-kulturdepartementet-2027-02-03.txt';

const withTemplate = (data: Buffer | string, template: Template = SAMRAD, name = 'minnen.txt') =>
  importText(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name, template);

const section = (r: ImportResult, key: string) => blocks(r.sections.find((s) => s.key === key)!);
/** Each section as "paragraph,list(8)": what a reader sees of the split. */
const shape = (r: ImportResult) =>
  Object.fromEntries(
    r.sections.map((s) => [
      s.key,
      blocks(s)
        // An empty section holds one empty paragraph, as the editor's own empty state does.
        .filter((b) => b.type === 'list' || text(b) !== '')
        .map((b) => (b.type === 'list' ? `list(${textItems(b).length})` : b.type))
        .join(','),
    ]),
  );
const boldIn = (n: Node): string[] => (n.type === 'text' && (n.format ?? 0) & 1 ? [n.text ?? ''] : (n.children ?? []).flatMap(boldIn));

describe('the seed minutes with the Samråd template', () => {
  const r = withTemplate(fixture(SEED));

  it('fills every section, in the template order, and says nothing to the user', () => {
    expect(shape(r)).toEqual({
      inledning: 'paragraph',
      bakgrund: 'paragraph',
      'deltagande-organisationer': 'paragraph,list(8)',
      presentation: 'paragraph,paragraph',
      gruppdiskussioner: 'paragraph,list(3)',
      'tematiska-grupper': 'paragraph',
      medskick: 'paragraph,list(14)',
      avslutning: 'paragraph,paragraph',
    });
    expect(r.sections.map((s) => s.key)).toEqual(SAMRAD.sections.map((s) => s.key));
    expect(r.notices).toEqual([]);
  });

  it('puts each paragraph where a reader would', () => {
    const first = (key: string) => section(r, key).map((b) => text(b).slice(0, 40));
    expect(first('inledning')).toEqual(['Den 9 juni 2026 bjöd Adam Alfredsson, st']);
    expect(text(section(r, 'bakgrund')[0]!)).toContain('årscykel');
    expect(first('presentation')).toEqual(['Samrådet inleddes av statssekreterare Ad', 'Därefter presenterade Karl-Oskar Lindgre']);
    expect(first('tematiska-grupper')).toEqual(['Deltagarna fick i förväg välja att ingå ']);
    expect(first('avslutning')).toEqual(['Efter gruppdiskussionerna lyfte varje te', 'Samrådet summerades och avslutades av st']);
  });

  it('keeps the lead paragraph with its list: organisations, questions, takeaways with their bold phrases', () => {
    const [orgLead, orgs] = section(r, 'deltagande-organisationer');
    expect(text(orgLead!)).toMatch(/^Följande organisationer representerar/);
    expect(textItems(orgs!).map(text)).toEqual(SEED_ORGANISATIONS);
    const [, questions] = section(r, 'gruppdiskussioner');
    expect(textItems(questions!).map((i) => text(i).endsWith('?'))).toEqual([true, true, true]);
    const [lead, takeaways] = section(r, 'medskick');
    expect(text(lead!)).toBe('Under gruppdiskussionerna lyfte civilsamhället bl.a.:');
    const items = textItems(takeaways!);
    expect(items.every((i) => boldIn(i).length > 0)).toBe(true);
    expect(items.map((i) => boldIn(i)[0])).toEqual([
      'Långsiktighet',
      'löpande insatser',
      'Förtroende och närvaro',
      'inte brist på information',
      'informationsgap',
      'återkoppling',
      'praktisera demokrati',
      'tillgång till nya arenor',
      'möta lokala politiker',
      'behöver nyanseras',
      'lokala arenor och samlingslokaler',
      'utflyttningskommuner i lands- och glesbygd',
      'strategisk och långsiktig partner',
      'Många goda exempel',
    ]);
    expect(boldIn(section(r, 'tematiska-grupper')[0]!)).toEqual(['barn och unga, bostadsområdets betydelse, jämställdhet', 'socioekonomi']);
  });

  it('drops nothing: the same text, in the same order, as without a template', () => {
    const free = importText(fixture(SEED), SEED);
    expect(r.plainText).toBe(free.plainText);
    expect(r.metadata).toEqual(free.metadata);
    expectLoadsInLexical(r);
  });

  it('does not depend on letter case', () => {
    const upper = withTemplate(fixture(SEED).toString('utf8').toLocaleUpperCase('sv'));
    expect(shape(upper)).toEqual(shape(r));
  });
});

describe('minutes in the same layout with other wording', () => {
  it.each([
    [SOCIAL, 'list(6)', 'list(3)', 'paragraph,list(3),list(2)', 'paragraph,paragraph'],
    [KULTUR, 'list(4)', 'list(2)', 'paragraph,list(3)', 'paragraph'],
  ])('%s maps the same way', (file, organisations, questions, takeaways, presentation) => {
    const r = withTemplate(fixture(file));
    expect(shape(r)).toEqual({
      inledning: 'paragraph',
      bakgrund: 'paragraph',
      'deltagande-organisationer': `paragraph,${organisations}`,
      presentation,
      gruppdiskussioner: `paragraph,${questions}`,
      'tematiska-grupper': 'paragraph',
      medskick: takeaways,
      avslutning: file === SOCIAL ? 'paragraph,paragraph' : 'paragraph',
    });
    expect(r.notices).toEqual([]);
    expect(r.plainText).toBe(importText(fixture(file), file).plainText);
    expectLoadsInLexical(r);
  });

  it('keeps both halves of a takeaway list that a blank line and another bullet split in two', () => {
    const r = withTemplate(fixture(SOCIAL));
    const lists = section(r, 'medskick').filter((b) => b.type === 'list');
    expect(lists.flatMap(textItems).map((i) => boldIn(i)[0])).toEqual([
      'snabb tillgång till stöd',
      'Stabil finansiering',
      'tidiga insatser',
      'nå dem som inte söker vård',
      'stöd och kunskap',
    ]);
  });

  it('splits the same when the template sections have other keys but the same headings', () => {
    const renamed = TemplateSchema.parse({
      ...SAMRAD,
      key: 'var-mall',
      sections: SAMRAD.sections.map((s, i) => ({ ...s, key: `avsnitt-${i + 1}` })),
    });
    const r = withTemplate(fixture(SOCIAL), renamed);
    expect(Object.values(shape(r))).toEqual(Object.values(shape(withTemplate(fixture(SOCIAL)))));
  });
});

describe('what the cues cannot place', () => {
  it('goes with the section before it', () => {
    const seed = fixture(SEED)
      .toString('utf8')
      .replace('(med fokus på utbildningsbakgrund).\n', '(med fokus på utbildningsbakgrund).\n\nKaffe serverades i pausen.\n')
      .replace('hur ett val går till i praktiken.\n\n', 'hur ett val går till i praktiken.\n\nDessutom:\n\n');
    const r = withTemplate(seed);
    expect(shape(r)['tematiska-grupper']).toBe('paragraph,paragraph');
    expect(text(section(r, 'tematiska-grupper')[1]!)).toBe('Kaffe serverades i pausen.');
    expect(shape(r).medskick).toBe('paragraph,list(4),paragraph,list(10)');
    expect(r.notices).toEqual([]);
  });

  it('stays in the first section when it comes before every cue', () => {
    const r = withTemplate('Kort om dagen.\n\nSamrådet avslutades kl. 12.00.\n');
    expect(shape(r)).toMatchObject({ inledning: 'paragraph', avslutning: 'paragraph', medskick: '' });
    expect(r.notices).toEqual([]);
  });

  it('all stays in the first section, and the import says so, when no cue is found', () => {
    const r = withTemplate('Vi gick igenom budgeten.\n\n- Lokalhyran\n- Resorna\n\nAllt var i ordning.\n');
    expect(shape(r)).toMatchObject({ inledning: 'paragraph,list(2),paragraph', bakgrund: '', avslutning: '' });
    expect(r.notices.map((n) => renderText('sv', n))).toEqual([NO_CUES]);
    expect(r.plainText).toBe('Vi gick igenom budgeten.\n\nLokalhyran\n\nResorna\n\nAllt var i ordning.');
  });

  it('all stays in the first section of a template the cues know nothing of, with a notice naming it', () => {
    const other = TemplateSchema.parse({
      format: 'minnes/template',
      formatVersion: 1,
      key: 'styrelse',
      name: 'Styrelsemöte',
      version: 1,
      sections: [
        { key: 'oppnande', heading: 'Öppnande' },
        { key: 'beslut', heading: 'Beslut' },
        { key: 'ovrigt', heading: 'Övrigt' },
      ],
    });
    const r = withTemplate(fixture(SEED), other);
    expect(shape(r)).toMatchObject({ beslut: '', ovrigt: '' });
    expect(r.notices.map((n) => renderText('sv', n))).toEqual(['Texten kunde inte delas upp i mallens avsnitt; allt ligger i Öppnande.']);
  });
});

describe('when the cues are not used', () => {
  it('not when the text has headings that name the template sections', () => {
    const r = withTemplate('Samrådet avslutades tidigt.\n\n## Medskick\n\n- Under dagen lyfte alla **allt**.\n', SAMRAD, 'x.md');
    expect(shape(r)).toMatchObject({ inledning: 'paragraph', medskick: 'list(1)', avslutning: '' });
    expect(r.notices).toEqual([]);
    expect(withTemplate(fixture('samrad-sections.md'), SAMRAD, 'samrad-sections.md').notices).toEqual([]);
  });

  it('not without a template, and not for a template with one section', () => {
    const free = importText(fixture(SEED), SEED);
    expect(free.sections.map((s) => s.key)).toEqual(['innehall']);
    expect(free.notices).toEqual([]);
    const fritt = BUILTIN_TEMPLATES.find((t) => t.sections.length === 1);
    if (!fritt) throw new Error('expected a one-section built-in template');
    const one = withTemplate('Vi gick igenom budgeten.\n', fritt);
    expect(one.sections).toHaveLength(1);
    expect(one.notices).toEqual([]);
  });
});
