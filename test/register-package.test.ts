import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { buildMetadataXml, type FlatRecord } from '../src/main/core/register/metadata-xml';
import type { MinutesDocument } from '../src/shared/document-model';
import { SEED_TITLE, seedDocument, structuredDocument } from './support/sample-model';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const XSD = join(__dirname, '..', 'resources', 'schemas', 'minnes-register-1.xsd');
const CREATED = '2026-06-09T14:05:00.000Z';

const RECORD: Omit<FlatRecord, 'files'> = {
  dnr: 'A2026/01234',
  title: SEED_TITLE,
  documentType: 'Minnesanteckningar',
  status: 'registrerad',
  created: '2026-06-09T08:12:44.120Z',
  approvedAt: CREATED,
  approvedBy: 'Karin Åström',
  registeredAt: '2026-06-10T09:30:00.000Z',
  organisation: 'Arbetsmarknadsdepartementet',
  unit: 'Enheten för integration och arbetet mot utanförskap',
  language: 'sv',
};

/** The seed minutes with a Dnr; `null`: no fixed creation time. */
const model = (created: string | null = CREATED, base: MinutesDocument = seedDocument()): MinutesDocument => ({
  ...base,
  header: { ...base.header, dnr: RECORD.dnr },
  properties: { ...base.properties, ...(created === null ? {} : { created }) },
});
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const run = (cmd: string, ...args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

function save(name: string, bytes: Uint8Array | string): string {
  const file = join(tmp(), name);
  writeFileSync(file, bytes);
  return file;
}

/** xmllint against the shipped schema: exit status and what it said. */
function validate(xml: Uint8Array | string): { status: number | null; output: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, save('metadata.xml', xml)], { encoding: 'utf8' });
  return { status: r.status, output: r.stderr };
}

type Parsed = ReturnType<DOMParser['parseFromString']>['documentElement'];
const parse = (xml: Uint8Array): Parsed => new DOMParser().parseFromString(strFromU8(xml), 'text/xml').documentElement;
const textOf = (el: Parsed, tag: string): string => el.getElementsByTagName(tag)[0]?.textContent ?? '';

describe('writers with a fixed creation time', () => {
  it('write byte-identical DOCX, PDF and PDF/A for the same model, and other bytes for another time', async () => {
    for (const write of [writeDocx, (d: MinutesDocument) => writePdf(d), (d: MinutesDocument) => writePdf(d, { pdfa: true })]) {
      const first = await write(model());
      await new Promise((r) => setTimeout(r, 1100)); // the clock moves past a second: a leaked "now" would show
      expect(same(first, await write(model()))).toBe(true);
      expect(same(first, await write(model('2026-06-09T14:06:00Z')))).toBe(false);
    }
  });

  it('stamp that time, and only that time, into the DOCX in every time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: local and UTC dates differ
      const far = await writeDocx(model(CREATED, structuredDocument()));
      process.env.TZ = 'America/Los_Angeles';
      expect(same(far, await writeDocx(model(CREATED, structuredDocument())))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    const file = save('m.docx', await writeDocx(model()));
    expect(run('unzip', '-l', file)).toMatch(/2026-06-09 12:00 +docProps\/core\.xml/);
    const props = run(
      '/usr/bin/python3',
      '-c',
      'import docx,sys; p=docx.Document(sys.argv[1]).core_properties; print(p.created.isoformat(), p.modified.isoformat())',
      file,
    );
    expect(props.trim()).toBe('2026-06-09T14:05:00 2026-06-09T14:05:00');
  });

  it('stamp it into the PDF Info dictionary and the XMP, with an /ID from the content', async () => {
    const file = save('m.pdf', await writePdf(model(), { pdfa: true }));
    expect(run('pdfinfo', '-isodates', file)).toMatch(/CreationDate: +2026-06-09T14:05:00Z[\s\S]*ModDate: +2026-06-09T14:05:00Z/);
    const raw = readFileSync(file, 'latin1');
    for (const tag of ['CreateDate', 'ModifyDate', 'MetadataDate']) expect(raw).toContain(`<xmp:${tag}>2026-06-09T14:05:00Z</xmp:${tag}>`);
    const id = (bytes: Uint8Array): string => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(bytes).toString('latin1'))?.[1] ?? '';
    const other = model();
    other.title = `${other.title} (rättad)`;
    expect(id(await writePdf(other, { pdfa: true }))).not.toBe(id(readFileSync(file)));
  });

  it('use the current time as before when no time is given', async () => {
    const core = strFromU8(unzipSync(await writeDocx(model(null)))['docProps/core.xml'] ?? new Uint8Array());
    const stamped = Date.parse(/<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1] ?? '');
    expect(Math.abs(Date.now() - stamped)).toBeLessThan(60_000);
    const info = run('pdfinfo', '-isodates', save('now.pdf', await writePdf(model(null))));
    expect(Math.abs(Date.now() - Date.parse(/CreationDate: +(\S+)/.exec(info)?.[1] ?? ''))).toBeLessThan(60_000);
    expect(info).not.toMatch(/ModDate/);
  });

  it('refuse a creation time that is not a date', async () => {
    await expect(writeDocx(model('igår'))).rejects.toThrow(/created/);
    await expect(writePdf(model('igår'))).rejects.toThrow(/created/);
  });
});

describe('metadata.xml schema', () => {
  const file = {
    name: 'a.pdf',
    path: 'a.pdf',
    size: 10,
    sha256: 'ab'.repeat(32),
    mimeType: 'application/pdf',
    role: 'arkivformat',
  } as const;
  const xml = (r: Partial<FlatRecord> = {}): string => strFromU8(buildMetadataXml({ ...RECORD, files: [file], ...r }));

  it('accepts the diarienummer forms of Regeringskansliet', () => {
    for (const dnr of ['A2026/01234', 'Fi2026/00123', 'UD2026/12345-2', 'Ju2025/7', 'A2020/00404/A', 'Fi2026/00123-3/BA'])
      expect(validate(xml({ dnr })).status).toBe(0);
  });

  it('rejects a bad Dnr, a missing element, a short checksum and a path out of the package', () => {
    const good = xml();
    const broken = [
      good.replace('A2026/01234', 'A26/01234'),
      good.replace('A2026/01234', 'a2026/01234'),
      good.replace(/<approvedBy>[^<]*<\/approvedBy>\s*/, ''),
      good.replace(/<approved>[^<]*<\/approved>\s*/, ''),
      good.replace('2026-06-10T09:30:00.000Z', '10 juni 2026'),
      good.replace('ab'.repeat(32), 'ab'.repeat(31) + 'a'),
      good.replace('<path>a.pdf</path>', '<path>../a.pdf</path>'),
      good.replace('<status>registrerad</status>', '<status>utkast</status>'),
      good.replace('xmlns="urn:minnes:register:1"', ''),
    ];
    for (const bad of broken) {
      expect(bad).not.toBe(good);
      expect(validate(bad).status, bad).not.toBe(0);
    }
  });

  it('round-trips & < > " \' and Swedish letters, and drops characters XML forbids', () => {
    const title = `Samråd om "Ärende" & <taggar> – 'citat' Å Ä Ö å ä ö é\u0001`;
    const text = xml({ title, organisation: 'Försvarsdepartementet & Co', secrecy: 'Sekretess enligt 15 kap. 1 § OSL' });
    expect(validate(text).status).toBe(0);
    const root = parse(new TextEncoder().encode(text));
    expect(textOf(root, 'title')).toBe(title.replace('\u0001', ''));
    expect(textOf(root, 'organisation')).toBe('Försvarsdepartementet & Co');
    expect(textOf(root, 'restriction')).toBe('Sekretess enligt 15 kap. 1 § OSL');
    const x = (path: string): string => run('xmllint', '--xpath', `string(//*[local-name()='${path}'])`, save('m.xml', text)).trimEnd();
    expect(x('title')).toBe(title.replace('\u0001', ''));
  });

  it('refuses a record the schema would refuse', () => {
    expect(() => xml({ dnr: 'A2026-01234' })).toThrow(/Dnr/);
    expect(() => xml({ title: '  ' })).toThrow(/title/);
    expect(() => xml({ registeredAt: '10 juni 2026' })).toThrow(/registeredAt/);
  });
});
