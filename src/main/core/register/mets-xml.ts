import type { PackedFile } from './formats';
import type { RegisterRecord } from './record';
import { attrs, dateTime, required, text, utf8 } from './xml';

/**
 * The METS documents of the package (CSIP 2.1 with the E-ARK SIP profile, as FGS Paketstruktur
 * 2.0 uses them): one at the root, one per representation. Schemas are named by their public
 * URLs in xsi:schemaLocation and not copied into schemas/, so CSIP113 is left unmet on purpose.
 */

export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
/**
 * CSIP2, from the content category vocabulary: minutes are born-digital text, so "Textual works –
 * Digital" (with its en dash, as the vocabulary spells it), rather than "Other" or "Text".
 */
export const CONTENT_CATEGORY = 'Textual works – Digital';
/**
 * CSIP4/CSIP62: the description is E-ARK ERMS (schema 1.0); "ERMS" is the vocabulary's term for
 * it. We do not claim the whole CITS ERMS 2.1/3.0 profile (citserms_v2_1), so not that term.
 */
export const CONTENT_INFORMATION_TYPE = 'ERMS';
const WHERE = 'METS.xml';

const NAMESPACES = [
  'xmlns:mets="http://www.loc.gov/METS/"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"',
  'xmlns:sip="https://DILCIS.eu/XML/METS/SIPExtensionMETS"',
].join(' ');
const SCHEMA_LOCATION = [
  'http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd',
  'http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd',
  'https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd',
  'https://DILCIS.eu/XML/METS/SIPExtensionMETS https://earksip.dilcis.eu/schema/DILCISExtensionSIPMETS.xsd',
].join(' ');

/** A file as METS sees it: `href` relative to the METS document, `path` the same file from the package root. */
export type MetsFile = PackedFile & { id: string; href: string };
export type Representation = { name: string; mets: MetsFile };

const checksum = (f: PackedFile): ReadonlyArray<readonly [string, string | number]> => [
  ['MIMETYPE', f.format.mimeType],
  ['SIZE', f.size],
  ['CREATED', dateTime(WHERE, f.created, `CREATED of ${f.path}`)],
  ['CHECKSUM', f.sha256],
  ['CHECKSUMTYPE', 'SHA-256'],
];

function open(objid: string, label: string): string {
  return `<mets:mets ${NAMESPACES}${attrs([
    ['OBJID', objid],
    ['LABEL', label],
    ['TYPE', CONTENT_CATEGORY],
    ['csip:CONTENTINFORMATIONTYPE', CONTENT_INFORMATION_TYPE],
    ['PROFILE', SIP_PROFILE],
    ['xsi:schemaLocation', SCHEMA_LOCATION],
  ])}>`;
}

function agent(role: string, type: string, name: string, extra: { otherRole?: string; otherType?: string; note?: string } = {}): string[] {
  return [
    `  <mets:agent${attrs([
      ['ROLE', role],
      ['OTHERROLE', extra.otherRole],
      ['TYPE', type],
      ['OTHERTYPE', extra.otherType],
    ])}>`,
    `    <mets:name>${required(WHERE, name, 'agent name')}</mets:name>`,
    ...(extra.note ? [`    <mets:note csip:NOTETYPE="SOFTWARE VERSION">${text(extra.note)}</mets:note>`] : []),
    '  </mets:agent>',
  ];
}

/** SIP3: a later version of a record is sent as a new version of what the archive already holds. */
const recordStatus = (r: RegisterRecord): string => (r.replaces ? 'VERSION' : 'NEW');

function header(r: RegisterRecord, created: string, full: boolean): string[] {
  const software = agent('CREATOR', 'OTHER', r.software.name, { otherType: 'SOFTWARE', note: r.software.version });
  // SIP9 archival creator (arkivbildare), SIP15 submitting agent, SIP21 contact person: only the root says who.
  const people = full
    ? [
        ...agent('ARCHIVIST', 'ORGANIZATION', r.organisation),
        ...agent('CREATOR', 'ORGANIZATION', r.organisation),
        ...(r.unit.trim() ? agent('OTHER', 'ORGANIZATION', r.unit, { otherRole: 'UNIT' }) : []),
        ...agent('CREATOR', 'INDIVIDUAL', r.approvedBy),
      ]
    : [];
  return [
    `<mets:metsHdr${attrs([
      ['CREATEDATE', dateTime(WHERE, created, 'CREATEDATE')],
      // CSIP8: a package is never modified after it is made, so its last change is its making.
      ['LASTMODDATE', created],
      ['RECORDSTATUS', recordStatus(r)],
      ['csip:OAISPACKAGETYPE', 'SIP'],
    ])}>`,
    ...software,
    ...people,
    '</mets:metsHdr>',
  ];
}

function mdRef(f: MetsFile, mdType: ReadonlyArray<readonly [string, string]>): string {
  return `<mets:mdRef${attrs([['LOCTYPE', 'URL'], ['xlink:type', 'simple'], ['xlink:href', f.href], ...mdType, ...checksum(f)])}/>`;
}

function fileXml(f: MetsFile, sipFormat: boolean): string[] {
  const format: Array<readonly [string, string]> = sipFormat
    ? [
        ['sip:FILEFORMATNAME', f.format.name],
        ['sip:FILEFORMATVERSION', f.format.version],
        ['sip:FORMATREGISTRY', 'PRONOM'],
        ['sip:FORMATREGISTRYKEY', f.format.pronom],
      ]
    : [];
  return [
    `    <mets:file${attrs([['ID', f.id], ...checksum(f), ...format])}>`,
    `      <mets:FLocat LOCTYPE="URL" xlink:type="simple"${attrs([['xlink:href', f.href]])}/>`,
    '    </mets:file>',
  ];
}

type Group = { id: string; use: string; files: readonly MetsFile[]; content: boolean };

function fileSec(id: string, groups: readonly Group[]): string[] {
  return [
    `<mets:fileSec ID="${id}">`,
    ...groups.flatMap((g) => [
      `  <mets:fileGrp${attrs([
        ['ID', g.id],
        ['USE', g.use],
        ['csip:CONTENTINFORMATIONTYPE', g.content ? CONTENT_INFORMATION_TYPE : undefined],
      ])}>`,
      ...g.files.flatMap((f) => fileXml(f, g.content)),
      '  </mets:fileGrp>',
    ]),
    '</mets:fileSec>',
  ];
}

/**
 * The root METS. The structMap nests each representation's div inside the "Representations" div,
 * as the official E-ARK validator's rules (CSIP104–CSIP112) read the profile.
 */
export function buildRootMets(
  r: RegisterRecord,
  objid: string,
  created: string,
  md: { erms: MetsFile; premis: MetsFile },
  documentation: readonly MetsFile[],
  reps: readonly Representation[],
): Uint8Array {
  const groups: Group[] = [
    { id: 'grp-documentation', use: 'Documentation', files: documentation, content: false },
    ...reps.map((rep) => ({ id: `grp-${rep.name}`, use: `Representations/${rep.name}`, files: [rep.mets], content: true })),
  ];
  return utf8([
    '<?xml version="1.0" encoding="UTF-8"?>',
    open(objid, r.title),
    ...header(r, created, true).map((l) => `  ${l}`),
    `  <mets:dmdSec ID="dmd-erms" CREATED="${created}" STATUS="CURRENT">`,
    `    ${mdRef(md.erms, [
      ['MDTYPE', 'OTHER'],
      ['OTHERMDTYPE', 'ERMS'],
    ])}`,
    '  </mets:dmdSec>',
    '  <mets:amdSec ID="amd">',
    `    <mets:digiprovMD ID="digiprov-premis" CREATED="${created}" STATUS="CURRENT">`,
    `      ${mdRef(md.premis, [
      ['MDTYPE', 'PREMIS'],
      ['MDTYPEVERSION', '3.0'],
    ])}`,
    '    </mets:digiprovMD>',
    '  </mets:amdSec>',
    ...fileSec('filesec', groups).map((l) => `  ${l}`),
    '  <mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">',
    `    <mets:div ID="div-package"${attrs([['LABEL', objid]])}>`,
    '      <mets:div ID="div-metadata" LABEL="Metadata" ADMID="digiprov-premis" DMDID="dmd-erms"/>',
    '      <mets:div ID="div-documentation" LABEL="Documentation"><mets:fptr FILEID="grp-documentation"/></mets:div>',
    '      <mets:div ID="div-representations" LABEL="Representations">',
    ...reps.map((rep) => `        <mets:fptr FILEID="grp-${rep.name}"/>`),
    ...reps.flatMap((rep) => [
      `        <mets:div ID="div-${rep.name}" LABEL="Representations/${rep.name}">`,
      `          <mets:mptr LOCTYPE="URL" xlink:type="simple"${attrs([
        ['xlink:href', rep.mets.href],
        ['xlink:title', `grp-${rep.name}`],
      ])}/>`,
      '        </mets:div>',
    ]),
    '      </mets:div>',
    '    </mets:div>',
    '  </mets:structMap>',
    '</mets:mets>',
  ]);
}

/** A representation's METS (representations/<name>/METS.xml): its data files, with hrefs relative to it. */
export function buildRepresentationMets(r: RegisterRecord, name: string, created: string, files: readonly MetsFile[]): Uint8Array {
  const grp = `grp-${name}-data`;
  return utf8([
    '<?xml version="1.0" encoding="UTF-8"?>',
    open(name, `${r.title} (${name})`),
    ...header(r, created, false).map((l) => `  ${l}`),
    ...fileSec(`filesec-${name}`, [{ id: grp, use: `Representations/${name}/data`, files, content: true }]).map((l) => `  ${l}`),
    `  <mets:structMap ID="structmap-${name}" TYPE="PHYSICAL" LABEL="CSIP">`,
    `    <mets:div ID="div-${name}"${attrs([['LABEL', name]])}>`,
    `      <mets:div ID="div-${name}-metadata" LABEL="Metadata"/>`,
    `      <mets:div ID="div-${name}-data" LABEL="Representations"><mets:fptr FILEID="${grp}"/></mets:div>`,
    '    </mets:div>',
    '  </mets:structMap>',
    '</mets:mets>',
  ]);
}
