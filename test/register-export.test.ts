import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cliIn } from './support/run-cli';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const SEED = join(__dirname, 'fixtures', 'samrad-2026-06-09.txt');
const XSD = join(__dirname, '..', 'resources', 'schemas', 'minnes-register-1.xsd');

const run = (cwd: string, ...args: string[]) => cliIn(cwd, { MINNES_USER: 'Karin Åström' })(...args, '--db', 'm.sqlite');

describe('register package from the CLI', () => {
  it('packages registered minutes as a SIP: ERMS with the registration time, matching checksums, PDF/A, identical bytes every time', async () => {
    const dir = tmp();
    const id = (await run(dir, 'import', SEED)).stdout.trim();
    const early = await run(dir, 'export', id, '--out', 'early.zip');
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/Bara justerade eller registrerade/);
    expect(existsSync(join(dir, 'early.zip'))).toBe(false);

    expect((await run(dir, 'status', id, 'registrerad', '--dnr', 'A2026/01234')).code).toBe(1);
    expect((await run(dir, 'status', id, 'granskning')).code).toBe(0);
    expect((await run(dir, 'status', id, 'justerad')).code).toBe(0);
    const bad = await run(dir, 'status', id, 'registrerad', '--dnr', 'A2026-1234');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/A2026\/01234/);
    expect((await run(dir, 'status', id, 'registrerad', '--dnr', 'A2026/01234', '--date', '2026-06-12')).code).toBe(0);

    expect((await run(dir, 'export', id, '--out', 'a.zip')).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // a second later: nothing may depend on the clock
    expect((await run(dir, 'export', id, '--out', 'b.zip')).code).toBe(0);
    const a = readFileSync(join(dir, 'a.zip'));
    expect(a.equals(readFileSync(join(dir, 'b.zip')))).toBe(true);

    const files = unzipSync(a);
    const names = Object.keys(files);
    const objid = names[0]?.split('/')[0] ?? '';
    expect(objid).toMatch(/^uuid-/);
    expect(names).toHaveLength(8);
    expect(names[0]).toBe(`${objid}/METS.xml`);
    const erms = strFromU8(files[`${objid}/metadata/descriptive/erms.xml`]!);
    expect(erms).toContain('<ObjectID>A2026/01234</ObjectID>');
    expect(erms).toMatch(/<Agent AgentType="Authorizing person">\s*<Name>Karin Åström<\/Name>/);
    // Registered on the 12th at the time it was done, with its zone: not midnight UTC.
    expect(erms).toMatch(/<Date DateType="Captured">2026-06-12T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})<\/Date>/);
    const xmlPath = join(dir, 'metadata.xml');
    writeFileSync(xmlPath, files[`${objid}/documentation/metadata.xml`]!);
    execFileSync('xmllint', ['--noout', '--schema', XSD, xmlPath], { stdio: 'pipe' });
    const mets = strFromU8(files[`${objid}/METS.xml`]!) + strFromU8(files[`${objid}/representations/rep1/METS.xml`]!);
    for (const name of names.filter((n) => n.includes('/data/'))) {
      const sha = createHash('sha256').update(files[name]!).digest('hex');
      expect(strFromU8(files[`${objid}/metadata/preservation/premis.xml`]!)).toContain(sha);
      if (name.endsWith('.pdf')) expect(mets).toContain(`SIZE="${files[name]!.length}"`);
    }
    const pdfName = names.find((n) => n.endsWith('.pdf'))!;
    const pdf = Buffer.from(files[pdfName]!);
    expect(pdf.toString('latin1')).toMatch(/pdfaid:part>2</);
    const pdfPath = join(dir, 'x.pdf');
    writeFileSync(pdfPath, pdf);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
  });
});
