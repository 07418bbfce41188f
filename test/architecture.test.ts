import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  it('only src/main/app imports electron, so the core runs and is tested under plain Node', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
      .filter((f) => !f.startsWith('src/main/app/'));
    expect(offenders).toEqual([]);
  });

  it('the team server (src/server) runs on its own: no electron, no app shell, no renderer, no local store', () => {
    const offenders = files(join(root, 'src/server')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g)]
        .map((m) => m[1]!)
        .filter((spec) => spec === 'electron' || /(^|\/)(main|renderer|preload)(\/|$)/.test(spec) || spec === 'better-sqlite3')
        .map((spec) => `${relative(root, f)}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
