import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/main/core/db';
import { exportStored } from '../src/main/core/export-document';
import { participantOrganisations } from '../src/main/core/register/participants';
import { isoWithOffset, registrationTime, zonedRegistration } from '../src/main/core/register/time';
import { changeStatus, newVersion } from '../src/main/core/workflow';
import { dnrProblem } from '../src/shared/domain';
import { renderText } from '../src/shared/i18n/catalogue';
import { MetadataSchema, secrecyProblem } from '../src/shared/metadata';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');

/** An imported seed document, approved and registered, in a fresh database. */
async function registered(): Promise<{ dir: string; id: string }> {
  const dir = tmp();
  const run = cliIn(dir, { MINNES_USER: 'Karin Åström' });
  const id = (await run('import', SEED, '--db', 'm.sqlite')).stdout.trim();
  for (const step of [['granskning'], ['justerad'], ['registrerad', '--dnr', 'A2020/00404/A']]) {
    expect((await run('status', id, ...step, '--db', 'm.sqlite')).code).toBe(0);
  }
  return { dir, id };
}

describe('register package refusals', () => {
  it('refuses a draft, secrecy without a legal reference, and a version that has been replaced; packs the latest', async () => {
    const { dir, id } = await registered();
    const db = openDatabase(join(dir, 'm.sqlite'));
    try {
      const zip = await exportStored(db, id, 'zip');
      const erms = Object.entries(unzipSync(zip.bytes)).find(([p]) => p.endsWith('erms.xml'))?.[1];
      const text = strFromU8(erms ?? new Uint8Array());
      expect(text).toContain('<ObjectID>A2020/00404/A</ObjectID>');
      expect(text).toContain('OtherDateType="Mötesdag">2026-06-09T00:00:00+02:00</Date>');

      const secret = {
        ...MetadataSchema.parse(
          JSON.parse((db.prepare('SELECT metadata FROM documents WHERE id = ?').get(id) as { metadata: string }).metadata),
        ),
        secrecy: 'sekretess',
      };
      db.prepare('UPDATE documents SET metadata = ? WHERE id = ?').run(JSON.stringify(secret), id);
      await expect(exportStored(db, id, 'zip')).rejects.toThrow(/sekretessgrunden/);
      db.prepare('UPDATE documents SET metadata = ? WHERE id = ?').run(
        JSON.stringify({ ...secret, secrecyReference: 'OSL 15 kap. 1 §' }),
        id,
      );
      expect(
        strFromU8(
          unzipSync((await exportStored(db, id, 'zip')).bytes)[
            Object.keys(unzipSync((await exportStored(db, id, 'zip')).bytes))[0] ?? ''
          ] ?? new Uint8Array(),
        ),
      ).toContain('METS');

      const next = newVersion(db, id);
      await expect(exportStored(db, next.id, 'zip')).rejects.toThrow(/Bara justerade eller registrerade/);
      changeStatus(db, next.id, { status: 'granskning' });
      changeStatus(db, next.id, { status: 'justerad', approvedBy: 'Per Ek' });
      await expect(exportStored(db, id, 'zip')).rejects.toThrow(/ersatts av en nyare justerad version/);
      const v2 = unzipSync((await exportStored(db, next.id, 'zip')).bytes);
      const v2erms = strFromU8(Object.entries(v2).find(([p]) => p.endsWith('erms.xml'))?.[1] ?? new Uint8Array());
      expect(v2erms).toMatch(/<Relation RelationType="Replaces">uuid-[0-9a-f-]+ \(A2020\/00404\/A, version 1\)<\/Relation>/);
      expect(v2erms).toContain('<ExtraID ExtraIDType="Version">2</ExtraID>');
    } finally {
      db.close();
    }
  }, 60_000);

  it('leaves no file when the export is refused', async () => {
    const dir = tmp();
    const run = cliIn(dir, {});
    const id = (await run('import', SEED, '--db', 'm.sqlite')).stdout.trim();
    const r = await run('export', id, '--out', 'p.zip', '--db', 'm.sqlite');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'p.zip'))).toBe(false);
  });
});

describe('register rules', () => {
  it('accepts Dnr with a part and with a unit suffix, and refuses other forms', () => {
    for (const ok of ['A2026/01234', 'Fi2026/00123-3', 'A2020/00404/A', 'UD2026/12345-2/KC']) expect(dnrProblem(ok), ok).toBeNull();
    for (const bad of ['A2026-01234', 'A2020/00404/', 'A2020/00404/a', '2026/1']) expect(dnrProblem(bad), bad).not.toBeNull();
  });

  it('needs a legal reference for secrecy; old metadata parses as public', () => {
    expect(MetadataSchema.parse({}).secrecy).toBe('offentlig');
    const problem = secrecyProblem({ secrecy: 'sekretess', secrecyReference: ' ' });
    expect(problem && renderText('sv', problem)).toMatch(/OSL/);
    expect(problem && renderText('en', problem)).toMatch(/legal provision .*OSL/);
    expect(secrecyProblem({ secrecy: 'sekretess', secrecyReference: 'OSL 15 kap. 1 §' })).toBeNull();
    expect(() => MetadataSchema.parse({ secrecy: 'hemlig' })).toThrow();
  });

  it('records registration with its zone, keeps a given zoned time, reads old dates as the day in Stockholm', () => {
    const now = new Date('2026-06-10T12:03:00Z');
    expect(isoWithOffset(now, 'Europe/Stockholm')).toBe('2026-06-10T14:03:00+02:00');
    expect(isoWithOffset(new Date('2026-01-10T12:03:00Z'), 'Europe/Stockholm')).toBe('2026-01-10T13:03:00+01:00');
    expect(isoWithOffset(now, 'UTC')).toBe('2026-06-10T12:03:00+00:00');
    expect(registrationTime('2026-06-10T14:03:00+02:00', now)).toBe('2026-06-10T14:03:00+02:00');
    expect(registrationTime('2026-06-09', now)).toMatch(/^2026-06-09T\d{2}:03:00[+-]\d{2}:\d{2}$/);
    expect(registrationTime('igår', now)).toBeNull();
    expect(zonedRegistration('2026-01-12')).toBe('2026-01-12T00:00:00+01:00');
    expect(zonedRegistration('2026-06-12')).toBe('2026-06-12T00:00:00+02:00');
  });

  it('takes the participating organisations from the list in their section', () => {
    const item = (text: string) => ({ type: 'listitem', children: [{ type: 'text', text }] });
    const state = {
      root: { type: 'root', children: [{ type: 'list', children: [item('Röda Korset.'), item('  Rädda Barnen '), item('Röda Korset')] }] },
    };
    const content = { format: 'minnes/sections', version: 1, sections: [{ key: 'deltagande-organisationer', state }] };
    expect(participantOrganisations(content as never)).toEqual(['Röda Korset', 'Rädda Barnen']);
    expect(participantOrganisations({ ...content, sections: [] } as never)).toEqual([]);
  });
});
