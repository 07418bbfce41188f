import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => cliIn(tmp(), env)(...args);

describe('minnes CLI', () => {
  it('prints its version', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^minnes \d+\.\d+\.\d+\n$/) });
  });

  it('lists as JSON and nothing else on stdout, from --db or MINNES_DB', async () => {
    const db = join(tmp(), 'a.sqlite');
    const r = await run(['list', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    const viaEnv = await run(['list', '--json'], { MINNES_DB: db });
    expect(JSON.parse(viaEnv.stdout)).toEqual([]);
  });

  it('exits 2 with usage on unknown commands and options', async () => {
    for (const args of [['frobnicate'], ['list', '--bogus'], [], ['list', 'extra']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: minnes');
      expect(r.stdout).toBe('');
    }
  });

  it('exits 1 with one line for a file that is not a database, leaving it untouched', async () => {
    const file = join(tmp(), 'x.sqlite');
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 255, 254]));
    const before = readFileSync(file);
    const r = await run(['list', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
