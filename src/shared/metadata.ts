import { z } from 'zod';
import { IsoDateSchema } from './domain';

const text = (max: number) => z.string().max(max).default('');
const time = z.union([z.literal(''), z.string().regex(/^([01]?\d|2[0-3])[.:][0-5]\d$/, 'Tid skrivs 9.00 eller 09:00')]).default('');

/** The meeting facts, filled in once per document; every variable is read from here. */
export const MetadataSchema = z.object({
  department: text(200),
  unit: text(300),
  documentType: z.string().max(100).default('Minnesanteckningar'),
  /** Empty: the title follows the template's title pattern. */
  title: text(500),
  date: z.union([z.literal(''), IsoDateSchema]).default(''),
  startTime: time,
  endTime: time,
  place: text(300),
  host: text(300),
  theme: text(500),
  meetingType: text(100),
  dnr: text(40),
  series: text(200),
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
};
