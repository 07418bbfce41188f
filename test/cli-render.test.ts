import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');

const run = (cwd: string, ...args: string[]) => cliIn(cwd)(...args);

describe('minnes render', () => {
  it('renders the seed to DOCX and PDF without a database', async () => {
    const dir = tmp();
    expect((await run(dir, 'render', SEED, '--out', 'seed.docx')).code).toBe(0);
    expect((await run(dir, 'render', SEED, '--out', 'seed.pdf')).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'seed.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Arbetsmarknadsdepartementet');
    expect(text).toContain('1 (');
    expect(readFileSync(join(dir, 'seed.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['seed.docx', 'seed.pdf']);
  });

  it('writes every script and names, on one stderr line, the characters no font can draw', async () => {
    const dir = tmp();
    const names = await run(dir, 'render', join(__dirname, 'fixtures', 'flersprakiga-namn.md'), '--out', 'namn.pdf');
    expect(names.code, names.stderr).toBe(0);
    expect(names.stderr).toBe('');
    writeFileSync(join(dir, 'thai.md'), 'Hälsning: สวัสดี och \uE000.\n');
    const r = await run(dir, 'render', 'thai.md', '--out', 'thai.pdf');
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: .*U\+0E2A.*U\+E000/);
    expect(execFileSync('pdftotext', [join(dir, 'thai.pdf'), '-'], { encoding: 'utf8' })).toContain('Hälsning:');
  });

  it('renders Markdown with front matter and a template', async () => {
    const dir = tmp();
    const r = await run(dir, 'render', join(__dirname, 'fixtures', 'samrad-sections.md'), '--out', 'x.pdf');
    expect(r.code, r.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [join(dir, 'x.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });

  it('renders minutes that have no front matter, no ministry header and no date', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'lista.md'), '- bara\n- en lista\n');
    writeFileSync(
      join(dir, 'rubrik.md'),
      '# Referensgruppsmöte 3 mars 2026\n\n**Närvarande:** Anna Berg\n\n## Dagordning\n\n1. Inledning\n',
    );
    expect((await run(dir, 'render', 'lista.md', '--out', 'lista.pdf')).code).toBe(0);
    expect((await run(dir, 'render', 'rubrik.md', '--out', 'rubrik.pdf')).code).toBe(0);
    expect(execFileSync('pdfinfo', [join(dir, 'lista.pdf')], { encoding: 'utf8' })).toMatch(/Title:\s+Minnesanteckningar\n/);
    const text = execFileSync('pdftotext', [join(dir, 'rubrik.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Referensgruppsmöte 3 mars 2026');
    expect(text).toContain('2026-03-03');
  });

  it('never replaces an existing file with a failed render', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.pdf'), 'the previous export');
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    const r = await run(dir, 'render', 'bad.md', '--out', 'old.pdf');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'old.pdf'), 'utf8')).toBe('the previous export');
    expect(readdirSync(dir).sort()).toEqual(['bad.md', 'old.pdf']);
  });

  it('says clearly when the target cannot be written, leaving no temporary file', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'taken.pdf'));
    const r = await run(dir, 'render', SEED, '--out', 'taken.pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/taken\.pdf är en mapp/);
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
    const missingFolder = await run(dir, 'render', SEED, '--out', 'nowhere/x.pdf');
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.stderr).toMatch(/Mappen för x\.pdf finns inte/);
  });

  it('is wrong usage without --out or with another extension', async () => {
    const dir = tmp();
    expect((await run(dir, 'render', SEED)).code).toBe(2);
    expect((await run(dir, 'render', SEED, '--out', 'x.odt')).code).toBe(2);
    expect(existsSync(join(dir, 'x.odt'))).toBe(false);
  });
});

describe('minnes export', () => {
  it('exports a stored document, and refuses while a variable has no value', async () => {
    const dir = tmp();
    const id = (await run(dir, 'import', SEED, '--db', 'm.sqlite')).stdout.trim();
    expect((await run(dir, 'export', id, '--out', 'a.docx', '--db', 'm.sqlite')).code).toBe(0);
    expect((await run(dir, 'export', id, '--out', 'a.pdf', '--db', 'm.sqlite')).code).toBe(0);
    const draft = (await run(dir, 'new', '--template', 'samrad', '--db', 'm.sqlite')).stdout.trim();
    const refused = await run(dir, 'export', draft, '--out', 'b.pdf', '--db', 'm.sqlite');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\{\{tema\}\} \(fyll i Tema\)/);
    expect(existsSync(join(dir, 'b.pdf'))).toBe(false);
  });
});
