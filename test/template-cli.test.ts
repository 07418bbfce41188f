import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/main/cli/io';
import { runCli } from '../src/main/cli/main';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SECTIONED = join(__dirname, 'fixtures', 'samrad-sections.md');

type Result = { code: number; stdout: string; stderr: string };

/** One CLI run through runCli, so exit statuses are the real ones (0 done, 1 input/state, 2 usage). */
function cli(cwd: string) {
  return async (...args: string[]): Promise<Result> => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, cwd };
    const code = await runCli(args, io);
    return { code, stdout, stderr };
  };
}

describe('minnes template', () => {
  it('saves minutes as a template, exports it, and imports it into another database', async () => {
    const dir = tmp();
    const run = cli(dir);
    const id = (await run('import', SECTIONED, '--db', 'a.sqlite')).stdout.trim();
    const saved = await run('template', 'save', id, '--key', 'integration', '--name', 'Integrationssamråd', '--db', 'a.sqlite');
    expect(saved, saved.stderr).toMatchObject({ code: 0, stdout: 'integration 1\n' });
    expect((await run('template', 'save', id, '--key', 'integration', '--name', 'Ny', '--db', 'a.sqlite')).stdout).toBe('integration 2\n');

    const listed = await run('template', 'list', '--json', '--db', 'a.sqlite');
    const list = JSON.parse(listed.stdout) as Array<{ key: string; version: number; builtin: boolean }>;
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'integration', version: 2, builtin: false })]));
    expect((await run('template', 'list', '--db', 'a.sqlite')).stdout).toMatch(
      /^samrad {2}v1 {2}Samråd med civilsamhället {2}\(built-in\)$/m,
    );

    expect((await run('template', 'export', 'integration', '--out', 'mall.json', '--db', 'a.sqlite')).code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, 'mall.json'), 'utf8')) as { key: string; version: number; format: string };
    expect(file).toMatchObject({ key: 'integration', version: 2, format: 'minnes/template' });

    expect(await run('template', 'import', 'mall.json', '--db', 'b.sqlite')).toMatchObject({ code: 0, stdout: 'integration 1\n' });
    expect((await run('template', 'import', 'mall.json', '--db', 'b.sqlite')).stdout).toBe('integration 2\n');
    const created = await run('new', '--template', 'integration', '--date', '2026-11-12', '--db', 'b.sqlite');
    expect(created.code, created.stderr).toBe(0);
    const doc = JSON.parse((await run('show', created.stdout.trim(), '--json', '--db', 'b.sqlite')).stdout) as { templateVersion: number };
    expect(doc.templateVersion).toBe(2);
  });

  it('exits 1 with one line and changes nothing when the input or state is wrong', async () => {
    const dir = tmp();
    const run = cli(dir);
    const id = (await run('import', SECTIONED, '--db', 'm.sqlite')).stdout.trim();
    writeFileSync(join(dir, 'trasig.json'), '{ "format": "minnes/template", ');
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{"name": "Samr\xe5d"}', 'latin1'));
    writeFileSync(join(dir, 'stor.json'), Buffer.alloc(1024 * 1024 + 1, 0x20));
    expect((await run('template', 'export', 'samrad', '--out', 'inbyggd.json', '--db', 'm.sqlite')).code).toBe(0);
    const before = (await run('template', 'list', '--json', '--db', 'm.sqlite')).stdout;
    const cases: Array<[string[], RegExp]> = [
      [['save', id, '--key', 'samrad', '--name', 'X'], /är inbyggd; byt nyckel/],
      [['save', id, '--key', 'Fel Nyckel', '--name', 'X'], /Ogiltig mallnyckel/],
      [['save', 'finnsinte', '--key', 'mitt', '--name', 'X'], /Det finns inget dokument/],
      [['export', 'finns-inte', '--out', 'x.json'], /ingen mall med nyckeln "finns-inte"/],
      [['export', 'samrad', '--out', join('saknad-mapp', 'x.json')], /Mappen för x\.json finns inte/],
      [['import', 'finns-inte.json'], /finns inte eller kan inte läsas/],
      [['import', 'trasig.json'], /Filen är inte JSON/],
      [['import', 'latin1.json'], /inte JSON \(den är inte UTF-8-text\)/],
      [['import', 'stor.json'], /för stor \(högst 1 MB\)/],
      [['import', 'inbyggd.json'], /Mallen "samrad" är inbyggd; byt nyckel/],
    ];
    for (const [args, message] of cases) {
      const r = await run('template', ...args, '--db', 'm.sqlite');
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await run('template', 'list', '--json', '--db', 'm.sqlite')).stdout).toBe(before);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 on wrong usage', async () => {
    const run = cli(tmp());
    for (const args of [
      [],
      ['frobnicate'],
      ['list', 'extra'],
      ['save', 'abc', '--name', 'X'],
      ['save', 'abc', '--key', 'k'],
      ['save', '--key', 'k', '--name', 'X'],
      ['export', 'samrad'],
      ['import'],
      ['import', 'a.json', '--force'],
    ]) {
      const r = await run('template', ...args, '--db', 'm.sqlite');
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
