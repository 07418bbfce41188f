import type { PackedFile } from './formats';
import type { RegisterRecord } from './record';
import { dateTime, required, text, utf8 } from './xml';

/**
 * metadata/preservation/premis.xml: PREMIS 3 for the content files (fixity, size, format) and
 * what happened to the record (created, approved by whom, registered under which Dnr, packed),
 * with the agents involved. Named by the public PREMIS 3 schema URL; no copy travels with it.
 */

export const PREMIS_NAMESPACE = 'http://www.loc.gov/premis/v3';
export const PREMIS_SCHEMA_URL = 'https://www.loc.gov/standards/premis/premis.xsd';
const WHERE = 'premis.xml';

type Agent = { id: string; name: string; type: 'organization' | 'person' | 'software'; version?: string };
type Event = { id: string; type: string; at: string; detail: string; agents: ReadonlyArray<[string, string]> };

const id = (kind: string, value: string): string[] => [
  `<${kind}Identifier>`,
  `  <${kind}IdentifierType>local</${kind}IdentifierType>`,
  `  <${kind}IdentifierValue>${text(value)}</${kind}IdentifierValue>`,
  `</${kind}Identifier>`,
];

function objectXml(f: PackedFile, events: readonly Event[]): string[] {
  return [
    '<object xsi:type="file">',
    ...id('object', f.path).map((l) => `  ${l}`),
    '  <objectCharacteristics>',
    '    <compositionLevel>0</compositionLevel>',
    '    <fixity>',
    '      <messageDigestAlgorithm>SHA-256</messageDigestAlgorithm>',
    `      <messageDigest>${f.sha256}</messageDigest>`,
    '    </fixity>',
    `    <size>${f.size}</size>`,
    '    <format>',
    '      <formatDesignation>',
    `        <formatName>${text(f.format.name)}</formatName>`,
    `        <formatVersion>${text(f.format.version)}</formatVersion>`,
    '      </formatDesignation>',
    '      <formatRegistry>',
    '        <formatRegistryName>PRONOM</formatRegistryName>',
    `        <formatRegistryKey>${text(f.format.pronom)}</formatRegistryKey>`,
    '      </formatRegistry>',
    '    </format>',
    '  </objectCharacteristics>',
    `  <originalName>${text(f.path.split('/').pop() ?? f.path)}</originalName>`,
    ...events.flatMap((e) => [
      '  <linkingEventIdentifier>',
      '    <linkingEventIdentifierType>local</linkingEventIdentifierType>',
      `    <linkingEventIdentifierValue>${e.id}</linkingEventIdentifierValue>`,
      '  </linkingEventIdentifier>',
    ]),
    '</object>',
  ];
}

function eventXml(e: Event, files: readonly PackedFile[]): string[] {
  return [
    '<event>',
    ...id('event', e.id).map((l) => `  ${l}`),
    `  <eventType>${e.type}</eventType>`,
    `  <eventDateTime>${dateTime(WHERE, e.at, e.type)}</eventDateTime>`,
    `  <eventDetailInformation><eventDetail>${text(e.detail)}</eventDetail></eventDetailInformation>`,
    '  <eventOutcomeInformation><eventOutcome>success</eventOutcome></eventOutcomeInformation>',
    ...e.agents.flatMap(([agent, role]) => [
      '  <linkingAgentIdentifier>',
      '    <linkingAgentIdentifierType>local</linkingAgentIdentifierType>',
      `    <linkingAgentIdentifierValue>${agent}</linkingAgentIdentifierValue>`,
      `    <linkingAgentRole>${role}</linkingAgentRole>`,
      '  </linkingAgentIdentifier>',
    ]),
    ...files.flatMap((f) => [
      '  <linkingObjectIdentifier>',
      '    <linkingObjectIdentifierType>local</linkingObjectIdentifierType>',
      `    <linkingObjectIdentifierValue>${text(f.path)}</linkingObjectIdentifierValue>`,
      '  </linkingObjectIdentifier>',
    ]),
    '</event>',
  ];
}

function agentXml(a: Agent): string[] {
  return [
    '<agent>',
    ...id('agent', a.id).map((l) => `  ${l}`),
    `  <agentName>${required(WHERE, a.name, 'agent name')}</agentName>`,
    `  <agentType>${a.type}</agentType>`,
    ...(a.version ? [`  <agentVersion>${text(a.version)}</agentVersion>`] : []),
    '</agent>',
  ];
}

/** premis.xml as UTF-8 bytes: `files` are the content files (PDF/A and DOCX), `packageTime` the package's CREATEDATE. */
export function buildPremisXml(r: RegisterRecord, files: readonly PackedFile[], packageTime: string): Uint8Array {
  const org = 'agent-organisation';
  const soft = 'agent-software';
  const agents: Agent[] = [
    { id: org, name: r.unit.trim() ? `${r.organisation}, ${r.unit}` : r.organisation, type: 'organization' },
    { id: 'agent-approver', name: r.approvedBy, type: 'person' },
    { id: soft, name: r.software.name, type: 'software', version: r.software.version },
  ];
  const events: Event[] = [
    { id: 'event-creation', type: 'creation', at: r.created, detail: 'Minnesanteckningarna skapades', agents: [[org, 'creator']] },
    {
      id: 'event-approval',
      type: 'approval',
      at: r.approvedAt,
      detail: `Justerade av ${r.approvedBy}`,
      agents: [['agent-approver', 'approver']],
    },
    ...(r.registeredAt
      ? [
          {
            id: 'event-registration',
            type: 'registration',
            at: r.registeredAt,
            detail: `Registrerade med Dnr ${r.dnr}`,
            agents: [[org, 'registrar']] as Array<[string, string]>,
          },
        ]
      : []),
    {
      id: 'event-packaging',
      type: 'information package creation',
      at: packageTime,
      detail: `Diariepaket för version ${r.version}`,
      agents: [[soft, 'executing program']],
    },
  ];
  return utf8([
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<premis xmlns="${PREMIS_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${PREMIS_NAMESPACE} ${PREMIS_SCHEMA_URL}" version="3.0">`,
    ...files.flatMap((f) => objectXml(f, events)).map((l) => `  ${l}`),
    ...events.flatMap((e) => eventXml(e, files)).map((l) => `  ${l}`),
    ...agents.flatMap(agentXml).map((l) => `  ${l}`),
    '</premis>',
  ]);
}
