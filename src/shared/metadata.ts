import type { MessageText } from './i18n/format';
import { z } from 'zod';
import { IsoDateSchema } from './domain';

export const SECRECY_LEVELS = ['offentlig', 'sekretess'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];

const text = (max: number) => z.string().max(max);
const time = z.union([z.literal(''), z.string().regex(/^([01]?\d|2[0-3])[.:][0-5]\d$/, 'Tid skrivs 9.00 eller 09:00')]);

/** The meeting facts, each field's rule, without defaults: what a partial update may hold. */
const fields = {
  department: text(200),
  unit: text(300),
  documentType: text(100),
  /** Empty: the title follows the template's title pattern. */
  title: text(500),
  date: z.union([z.literal(''), IsoDateSchema]),
  startTime: time,
  endTime: time,
  place: text(300),
  host: text(300),
  theme: text(500),
  meetingType: text(100),
  dnr: text(40),
  series: text(200),
  /** Offentlig unless a secrecy provision applies; the register package refuses sekretess without its reference. */
  // A string rather than z.enum: every field stays a string, so code copying fields by key stays simple.
  secrecy: z.string().refine((v) => (SECRECY_LEVELS as readonly string[]).includes(v), 'Offentlig eller sekretess'),
  /** The provision, e.g. "OSL 15 kap. 1 §". */
  secrecyReference: text(200),
  /** Who assessed the secrecy (name or function). */
  secrecyDecidedBy: text(200),
};

/**
 * Some of the facts (template defaults, a new document's first values). Deliberately without
 * defaults: zod keeps defaults under .partial(), which would blank every field not given.
 */
export const MetadataPatchSchema = z.object(fields).partial();
export type MetadataPatch = z.infer<typeof MetadataPatchSchema>;

/** The meeting facts, filled in once per document; every variable is read from here. */
export const MetadataSchema = z.object({
  department: fields.department.default(''),
  unit: fields.unit.default(''),
  documentType: fields.documentType.default('Minnesanteckningar'),
  title: fields.title.default(''),
  date: fields.date.default(''),
  startTime: fields.startTime.default(''),
  endTime: fields.endTime.default(''),
  place: fields.place.default(''),
  host: fields.host.default(''),
  theme: fields.theme.default(''),
  meetingType: fields.meetingType.default(''),
  dnr: fields.dnr.default(''),
  series: fields.series.default(''),
  // Defaults keep every stored document from before secrecy existed parsing as public.
  secrecy: fields.secrecy.default('offentlig'),
  secrecyReference: fields.secrecyReference.default(''),
  secrecyDecidedBy: fields.secrecyDecidedBy.default(''),
});
export type Metadata = z.infer<typeof MetadataSchema>;
export type MetadataKey = keyof Metadata;

export const EMPTY_METADATA: Metadata = MetadataSchema.parse({});

/** Form labels (Swedish), in the order the form shows them. */
export const METADATA_LABELS: Record<MetadataKey, string> = {
  department: 'Departement',
  unit: 'Enhet',
  documentType: 'Dokumenttyp',
  title: 'Titel',
  date: 'Datum',
  startTime: 'Starttid',
  endTime: 'Sluttid',
  place: 'Plats',
  host: 'Värd/ordförande',
  theme: 'Tema',
  meetingType: 'Mötestyp',
  dnr: 'Dnr',
  series: 'Serie',
  secrecy: 'Sekretess',
  secrecyReference: 'Sekretessgrund',
  secrecyDecidedBy: 'Sekretessprövad av',
};

/** Why the secrecy marking cannot go into the register as it is, or null when it can. */
export function secrecyProblem(m: Pick<Metadata, 'secrecy' | 'secrecyReference'>): MessageText | null {
  return m.secrecy === 'sekretess' && !m.secrecyReference.trim() ? { key: 'meta.secrecy.referenceMissing' } : null;
}
