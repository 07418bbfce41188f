import { cleanLine } from '../export/sanitize';
import type { RegisterRecord } from './record';
import { OFFICE_TIME_ZONE, isoWithOffset } from './time';
import { attrs, dateTime, required, text, utf8 } from './xml';

/**
 * metadata/descriptive/erms.xml: the case (ärende) and the record (handling) in E-ARK ERMS, the
 * basis of FGS Ärendehantering, so a case-management system or e-archive files the minutes
 * without retyping. Valid against ERMS.xsd 1.0, named by its public URL, never copied in.
 */

export const ERMS_NAMESPACE = 'https://DILCIS.eu/XML/ERMS';
export const ERMS_SCHEMA_URL = 'https://earkerms.dilcis.eu/schema/ERMS.xsd';
const WHERE = 'erms.xml';

/** The case's number: the Dnr without the record's part ("Fi2026/00123-3" → "Fi2026/00123", "A2020/00404/A" stays). */
export function caseNumber(dnr: string): string {
  return cleanLine(dnr).replace(/^([^/]+\/\d+)-\d+/, '$1');
}

/** The meeting's day as an xs:dateTime: its start in the office's zone (the day, not a moment in it). */
function dayStart(date: string): string {
  return `${date}T00:00:00${isoWithOffset(new Date(`${date}T00:00:00Z`), OFFICE_TIME_ZONE).slice(19)}`;
}

function agent(type: string, name: string, extra: string[] = [], other?: string): string {
  const a = attrs([
    ['AgentType', type],
    ['OtherAgentType', other],
  ]);
  return [`<Agent${a}>`, `  <Name>${required(WHERE, name, 'agent name')}</Name>`, ...extra.map((l) => `  ${l}`), '</Agent>'].join('\n');
}

function date(type: string, value: string, other?: string): string {
  return `<Date${attrs([
    ['DateType', type],
    ['OtherDateType', other],
  ])}>${dateTime(WHERE, value, type)}</Date>`;
}

function indent(block: string, by: number): string[] {
  const pad = ' '.repeat(by);
  return block.split('\n').map((l) => pad + l);
}

function recordXml(r: RegisterRecord, objid: string): string[] {
  const unit = text(r.unit);
  const dept = required(WHERE, r.organisation, 'organisation');
  const keywords = [...new Set(r.participants.map(cleanLine).filter(Boolean))];
  const relation = r.replaces
    ? [
        `<Relation RelationType="Replaces">${text(r.replaces.objid)} (${text(
          [r.replaces.dnr, `version ${r.replaces.version}`].filter(Boolean).join(', '),
        )})</Relation>`,
      ]
    : [];
  const restriction =
    r.secrecy.kind === 'sekretess'
      ? [
          '<Restriction RestrictionType="Confidential">',
          `  <ExplanatoryText>Sekretessmarkerad${r.secrecy.decidedBy.trim() ? `; prövad av ${text(r.secrecy.decidedBy)}` : ''}</ExplanatoryText>`,
          `  <Regulation>${required(WHERE, r.secrecy.reference, 'secrecy reference')}</Regulation>`,
          '</Restriction>',
        ]
      : // Offentlig: the record is open (OSL's main rule); said outright so no one has to assume it.
        [
          '<Restriction RestrictionType="Other type" OtherRestrictionType="Offentlig">',
          '  <Regulation>Offentlig handling</Regulation>',
          '</Restriction>',
        ];
  const agents = [
    agent('Creator', r.organisation, [`<Organisation>${dept}</Organisation>`, ...(unit ? [`<UnitName>${unit}</UnitName>`] : [])]),
    agent('Authorizing person', r.approvedBy, ['<Role>Justerare</Role>']),
    ...(r.secrecy.kind === 'sekretess' && r.secrecy.decidedBy.trim()
      ? [agent('Other', r.secrecy.decidedBy, ['<Role>Sekretessprövning</Role>'], 'Sekretessprövare')]
      : []),
  ];
  const dates = [
    date('Created', r.created),
    ...(r.meetingDate ? [date('Other', dayStart(r.meetingDate), 'Mötesdag')] : []),
    date('Other', r.approvedAt, 'Justerad'),
    // Registration is what records management calls capture.
    ...(r.registeredAt ? [date('Captured', r.registeredAt)] : []),
  ];
  return [
    `<Record${attrs([
      ['SystemIdentifier', `${r.recordId}:${r.version}`],
      ['RecordType', required(WHERE, r.documentType, 'documentType')],
      ['RecordPhysicalOrDigital', 'Digitial'], // sic: the schema's spelling
    ])}>`,
    `  <ObjectID>${text(r.dnr)}</ObjectID>`,
    `  <ExtraID ExtraIDType="OBJID">${text(objid)}</ExtraID>`,
    `  <ExtraID ExtraIDType="Version">${r.version}</ExtraID>`,
    ...(keywords.length ? ['  <Keywords>', ...keywords.map((k) => `    <Keyword>${text(k)}</Keyword>`), '  </Keywords>'] : []),
    `  <Title>${required(WHERE, r.title, 'title')}</Title>`,
    ...relation.map((l) => `  ${l}`),
    ...restriction.map((l) => `  ${l}`),
    '  <Agents>',
    ...agents.flatMap((a) => indent(a, 4)),
    '  </Agents>',
    '  <Dates>',
    ...dates.map((d) => `    ${d}`),
    '  </Dates>',
    '  <AdditionalInformation>',
    '    <OwnElement>',
    '      <OwnElementDescription>Handlingens språk (ISO 639-1)</OwnElementDescription>',
    `      <OwnElement Name="Språk"><Value>${text(r.language)}</Value></OwnElement>`,
    '    </OwnElement>',
    '  </AdditionalInformation>',
    '</Record>',
  ];
}

/** erms.xml as UTF-8 bytes for the record; `packageTime` is when the package was made (its CREATEDATE). */
export function buildErmsXml(r: RegisterRecord, objid: string, packageTime: string): Uint8Array {
  const dept = required(WHERE, r.organisation, 'organisation');
  const caseNo = caseNumber(r.dnr);
  return utf8([
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ERMS xmlns="${ERMS_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ERMS_NAMESPACE} ${ERMS_SCHEMA_URL}">`,
    '  <Control>',
    `    <Identification IdentificationType="OBJID">${text(objid)}</Identification>`,
    '    <MaintenanceInformation>',
    '      <MaintenanceStatus>new</MaintenanceStatus>',
    `      <MaintenanceAgency><AgencyName>${dept}</AgencyName></MaintenanceAgency>`,
    '      <MaintenanceHistory>',
    '        <MaintenanceEvent>',
    '          <EventType>Created</EventType>',
    `          <EventDateTime>${dateTime(WHERE, packageTime, 'packageTime')}</EventDateTime>`,
    ...indent(agent('Other', `${r.software.name} ${r.software.version}`, [], 'Programvara'), 10),
    '        </MaintenanceEvent>',
    '      </MaintenanceHistory>',
    '    </MaintenanceInformation>',
    '  </Control>',
    '  <Aggregations>',
    `    <Aggregation SystemIdentifier="${text(caseNo)}" AggregationType="Casefile">`,
    `      <ObjectID>${text(caseNo)}</ObjectID>`,
    `      <Title>${required(WHERE, r.title, 'title')}</Title>`,
    '      <Agents>',
    ...indent(agent('Creator', r.organisation, [`<Organisation>${dept}</Organisation>`]), 8),
    '      </Agents>',
    ...recordXml(r, objid).map((l) => `      ${l}`),
    '    </Aggregation>',
    '  </Aggregations>',
    '</ERMS>',
  ]);
}
