import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateSchema, toSlug, uniqueSlug } from '../src/shared/template';
import { openStore } from '../src/main/core/store';
import { BUILTIN_TEMPLATES } from '../src/main/core/templates/builtin';
import { BUILTIN_TEMPLATE_JSON } from '../src/main/core/templates/builtin-json';
import { getTemplate, listTemplates, saveTemplate } from '../src/main/core/templates/template-repo';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const samrad = JSON.parse(readFileSync(join(__dirname, '..', 'resources', 'templates', 'samrad.json'), 'utf8')) as unknown;

describe('template validation', () => {
  it('accepts the built-in Samråd template with its eight sections in order', () => {
    const t = TemplateSchema.parse(samrad);
    expect(t.sections.map((s) => s.heading)).toEqual([
      'Inledning',
      'Bakgrund',
      'Deltagande organisationer',
      'Presentation',
      'Gruppdiskussioner',
      'Tematiska grupper',
      'Medskick',
      'Avslutning',
    ]);
    expect(t.sections.every((s) => !s.printHeading)).toBe(true);
    expect(t.sections.filter((s) => s.carryOver).map((s) => s.key)).toEqual(['bakgrund', 'deltagande-organisationer']);
  });

  it('rejects duplicate section keys, bad keys, no sections and a newer format', () => {
    const base = TemplateSchema.parse(samrad);
    const dup = { ...base, sections: [base.sections[0], base.sections[0]] };
    expect(TemplateSchema.safeParse(dup).error?.issues[0]?.message).toMatch(/finns redan/);
    expect(TemplateSchema.safeParse({ ...base, key: 'Med Mellanslag' }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...base, sections: [] }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...base, formatVersion: 99 }).error?.issues[0]?.message).toMatch(/nyare version/);
    expect(TemplateSchema.safeParse({ ...base, houseStyle: { bodySizePt: 200 } }).success).toBe(false);
  });
});

describe('keys from free text', () => {
  it('drops accents instead of turning them into dashes, and avoids keys already taken', () => {
    expect(toSlug('Övriga frågor', 'avsnitt')).toBe('ovriga-fragor');
    expect(toSlug('  !!  ', 'avsnitt')).toBe('avsnitt');
    expect(toSlug('Årets återkoppling till organisationerna', 'x', 19)).toBe('arets-aterkoppling');
    expect(uniqueSlug('medskick', (k) => ['medskick', 'medskick-2'].includes(k))).toBe('medskick-3');
  });
});

describe('template store', () => {
  it('ships the built-in templates read-only and versions saved ones', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    expect(listTemplates(db).map((t) => t.key)).toEqual(expect.arrayContaining(['samrad', 'fritt']));
    const base = getTemplate(db, 'samrad');
    expect(() => saveTemplate(db, base)).toThrow(/inbyggd/);
    const mine = saveTemplate(db, { ...base, key: 'var-samrad', name: 'Vårt samråd' });
    expect(mine.version).toBe(1);
    const again = saveTemplate(db, { ...mine, name: 'Vårt samråd, ny' });
    expect(again.version).toBe(2);
    expect(getTemplate(db, 'var-samrad', 1).name).toBe('Vårt samråd');
    expect(getTemplate(db, 'var-samrad').name).toBe('Vårt samråd, ny');
    expect(() => getTemplate(db, 'finns-inte')).toThrow(/ingen mall/);
    db.close();
  });
});

describe('the shipped templates', () => {
  it('are put into a new store without zod, and read back exactly as the validated ones', () => {
    const db = openStore(join(tmp(), 'm.sqlite'));
    expect(BUILTIN_TEMPLATE_JSON.map((t) => t.key)).toEqual(BUILTIN_TEMPLATES.map((t) => t.key));
    for (const t of BUILTIN_TEMPLATES) expect(getTemplate(db, t.key)).toEqual(t);
    db.close();
  });
});
