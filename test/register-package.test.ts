import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../src/main/core/export/docx-writer';
import { writePdf } from '../src/main/core/export/pdf-writer';
import { buildMetadataXml, type RegisterRecord } from '../src/main/core/register/metadata-xml';
import { SCHEMA_PATH, buildRegisterPackage, sha256Hex, type RegisterPackageInput } from '../src/main/core/register/package';
import type { MinutesDocument } from '../src/shared/document-model';
import { SEED_TITLE, seedDocument, structuredDocument } from './support/sample-model';
import { useTmpDir } from './support/tmp';

const tmp = useTmpDir();
const XSD = join(__dirname, '..', 'resources', 'schemas', 'minnes-register-1.xsd');
const CREATED = '2026-06-09T14:05:00.000Z';
const BASE = '2026-06-09 Minnesanteckningar samråd';

const RECORD: Omit<RegisterRecord, 'files'> = {
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

async function render(created = CREATED): Promise<RegisterPackageInput> {
  const doc = model(created);
  return {
    record: RECORD,
    pdfa: await writePdf(doc, { pdfa: true }),
    docx: await writeDocx(doc),
    baseName: BASE,
    schema: readFileSync(XSD),
  };
}

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

describe('register package', () => {
  let input: RegisterPackageInput;
  let zip: Uint8Array;
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    input = await render();
    zip = buildRegisterPackage(input);
    files = unzipSync(zip);
  });

  it('holds the PDF/A, the DOCX, metadata.xml and the schema, in that order, and passes unzip -t', () => {
    expect(Object.keys(files)).toEqual([`${BASE}.pdf`, `${BASE}.docx`, 'metadata.xml', SCHEMA_PATH]);
    expect(run('unzip', '-t', save('paket.zip', zip))).toMatch(/No errors detected/);
  });

  it('has metadata.xml valid against the shipped schema', () => {
    const r = validate(files['metadata.xml'] ?? '');
    expect(r.output).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  it('lists every file with the size and SHA-256 of the bytes in the zip', () => {
    const entries = [...parse(files['metadata.xml'] ?? new Uint8Array()).getElementsByTagName('file')];
    expect(entries.map((e) => [e.getAttribute('role'), textOf(e, 'path')])).toEqual([
      ['arkivformat', `${BASE}.pdf`],
      ['original', `${BASE}.docx`],
    ]);
    for (const e of entries) {
      const bytes = files[textOf(e, 'path')] ?? new Uint8Array();
      expect(bytes.length).toBeGreaterThan(1000);
      expect(Number(textOf(e, 'size'))).toBe(bytes.length);
      expect(textOf(e, 'checksum')).toBe(sha256Hex(bytes));
      expect(e.getElementsByTagName('checksum')[0]?.getAttribute('algorithm')).toBe('SHA-256');
    }
  });

  it('records the Dnr, the dates, the organisation and the secrecy', () => {
    const root = parse(files['metadata.xml'] ?? new Uint8Array());
    expect(root.getAttribute('xmlns')).toBe('urn:minnes:register:1');
    expect(textOf(root, 'recordId')).toBe('A2026/01234');
    expect(textOf(root, 'registered')).toBe('2026-06-10T09:30:00.000Z');
    expect(textOf(root, 'organisation')).toBe('Arbetsmarknadsdepartementet');
    expect(textOf(root, 'restriction')).toBe('Offentlig');
  });

  it('carries a PDF/A-2 that is tagged and embeds all its fonts', () => {
    const pdf = save('m.pdf', files[`${BASE}.pdf`] ?? new Uint8Array());
    expect(readFileSync(pdf, 'latin1')).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A</);
    expect(run('pdfinfo', pdf)).toMatch(/Tagged: +yes/);
    const fonts = run('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row).toMatch(/ yes +yes +yes /); // emb, sub, uni
  });

  it('is byte-identical when rendered and packed again, with one fixed time and no extra fields', async () => {
    expect(same(zip, buildRegisterPackage(await render()))).toBe(true);
    // Every local header: no extra field, 12:00 on the registration day (DOS time and date).
    const view = Buffer.from(zip);
    let headers = 0;
    for (let at = view.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = view.indexOf('PK\x03\x04', at + 4, 'latin1')) {
      if (at + 30 > view.length || view.readUInt16LE(at + 26) !== Buffer.byteLength(Object.keys(files)[headers] ?? '')) continue;
      expect(view.readUInt16LE(at + 28)).toBe(0);
      expect(view.readUInt16LE(at + 10)).toBe(12 << 11);
      expect(view.readUInt16LE(at + 12)).toBe(((2026 - 1980) << 9) | (6 << 5) | 10);
      headers++;
    }
    expect(headers).toBe(4);
  });

  it('refuses a bad Dnr or base name before writing anything', () => {
    expect(() => buildRegisterPackage({ ...input, record: { ...RECORD, dnr: '2026/01234' } })).toThrow(/Dnr/);
    expect(() => buildRegisterPackage({ ...input, baseName: '../utanför' })).toThrow(/file name/);
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
  const xml = (r: Partial<RegisterRecord> = {}): string => strFromU8(buildMetadataXml({ ...RECORD, files: [file], ...r }));

  it('accepts the diarienummer forms of Regeringskansliet', () => {
    for (const dnr of ['A2026/01234', 'Fi2026/00123', 'UD2026/12345-2', 'Ju2025/7']) expect(validate(xml({ dnr })).status).toBe(0);
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
