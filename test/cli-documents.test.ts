import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');
const SECTIONED = join(__dirname, 'fixtures', 'samrad-sections.md');

const cli = (cwd: string) => cliIn(cwd);

describe('minnes import / new / show / list', () => {
  it('imports the seed, prints the id, and shows it with its header fields', async () => {
    const dir = tmp();
    const run = cli(dir);
    const imported = await run('import', SEED, '--series', 'Integration 2026', '--db', 'm.sqlite');
    expect(imported.code).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^[A-Za-z0-9_-]{6,40}$/);
    const shown = await run('show', id, '--json', '--db', 'm.sqlite');
    const doc = JSON.parse(shown.stdout) as { title: string; metadata: Record<string, string>; content: { sections: unknown[] } };
    expect(doc.title).toBe('Minnesanteckningar från samråd mellan civilsamhället och Arbetsmarknadsdepartementet den 9 juni 2026');
    expect(doc.metadata).toMatchObject({ department: 'Arbetsmarknadsdepartementet', date: '2026-06-09', series: 'Integration 2026' });
    expect(doc.content.sections).toHaveLength(1);
    const text = await run('show', id, '--db', 'm.sqlite');
    expect(text.stdout).toContain('unit:      Enheten för integration och arbetet mot utanförskap');
  });

  it('fills the Samråd template sections from ## headings', async () => {
    const run = cli(tmp());
    const imported = await run('import', SECTIONED, '--db', 'm.sqlite');
    expect(imported.code, imported.stderr).toBe(0);
    const doc = JSON.parse((await run('show', imported.stdout.trim(), '--json', '--db', 'm.sqlite')).stdout) as {
      templateKey: string;
      content: { sections: Array<{ heading: string }> };
    };
    expect(doc.templateKey).toBe('samrad');
    expect(doc.content.sections.map((s) => s.heading)).toContain('Medskick');
  });

  it('creates a new draft from a template for a date, and lists it', async () => {
    const run = cli(tmp());
    const created = await run('new', '--template', 'samrad', '--date', '2026-11-12', '--db', 'm.sqlite');
    expect(created.code).toBe(0);
    const list = JSON.parse((await run('list', '--json', '--db', 'm.sqlite')).stdout) as Array<{ id: string; meetingDate: string }>;
    expect(list).toEqual([expect.objectContaining({ id: created.stdout.trim(), meetingDate: '2026-11-12' })]);
  });

  it('refuses bad input with exit 1 and one line, creating nothing', async () => {
    const dir = tmp();
    const run = cli(dir);
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Minnesanteckningar fr\xe5n samr\xe5d\n', 'latin1'));
    copyFileSync(SEED, join(dir, 'ok.txt'));
    for (const args of [
      ['import', 'empty.md'],
      ['import', 'binary.md'],
      ['import', 'latin1.txt'],
      ['import', 'finns-inte.md'],
      ['new', '--template', 'finns-inte'],
      ['new', '--template', 'samrad', '--date', '2026-02-30'],
      ['show', 'abcdefgh'],
    ]) {
      const r = await run(...args, '--db', 'm.sqlite');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(JSON.parse((await run('list', '--json', '--db', 'm.sqlite')).stdout)).toEqual([]);
  });

  it('exits 2 when a required option is missing', async () => {
    const run = cli(tmp());
    expect((await run('new', '--db', 'm.sqlite')).code).toBe(2);
    expect((await run('import', '--db', 'm.sqlite')).code).toBe(2);
  });
});
