import { z } from 'zod';
import type { Run } from './document-model';
import { IsoDateSchema, StatusSchema, DocumentIdSchema } from './domain';
import { SlugSchema } from './template';

/**
 * A series (årscykel): the year's planned meetings, organised together with partners.
 * Documents belong to a series by name (the `series` metadata field), so a name typed on a
 * document is a series even before anyone plans it here.
 */
export const PlannedMeetingSchema = z.object({
  date: IsoDateSchema,
  theme: z.string().trim().max(500).default(''),
});
export type PlannedMeeting = z.infer<typeof PlannedMeetingSchema>;

export const SeriesSchema = z.object({
  name: z.string().trim().min(1, 'Ange seriens namn').max(200, 'Seriens namn får vara högst 200 tecken'),
  year: z.number().int('Året skrivs med fyra siffror').min(2000, 'Året ska vara 2000–2100').max(2100, 'Året ska vara 2000–2100'),
  /** Who plans the cycle together, e.g. "Regeringskansliet", "SKR". */
  partners: z.array(z.string().trim().min(1, 'En samverkanspart saknar namn').max(200)).max(50).default([]),
  /** Kept in date order, so every reader (timeline, export) can trust the order. */
  planned: z
    .array(PlannedMeetingSchema)
    .max(100)
    .default([])
    .refine((list) => new Set(list.map((p) => p.date)).size === list.length, 'Två planerade möten har samma datum')
    .transform((list) => [...list].sort((a, b) => a.date.localeCompare(b.date))),
  templateKey: SlugSchema.nullable().optional(),
});
export type Series = z.infer<typeof SeriesSchema>;

/** A row of the series list: `saved` is false for a name that so far only appears on documents. */
export const SeriesSummarySchema = SeriesSchema.extend({
  saved: z.boolean(),
  documentCount: z.number().int().min(0),
});
export type SeriesSummary = z.infer<typeof SeriesSummarySchema>;

/** One row of the timeline: a planned meeting, a document, or both when the dates agree. */
export const SeriesMeetingSchema = z.object({
  /** Null for a document without a meeting date (listed last). */
  date: IsoDateSchema.nullable(),
  theme: z.string(),
  documentId: DocumentIdSchema.nullable(),
  title: z.string().nullable(),
  status: StatusSchema.nullable(),
  /** The version of the minutes shown (a record counts once, by its latest approved version). */
  version: z.number().int().min(1).optional(),
});
export type SeriesMeeting = z.infer<typeof SeriesMeetingSchema>;

export const SeriesOverviewSchema = SeriesSummarySchema.extend({
  meetings: z.array(SeriesMeetingSchema),
});
export type SeriesOverview = z.infer<typeof SeriesOverviewSchema>;

const RunSchema: z.ZodType<Run> = z.union([
  z.object({ type: z.literal('text'), text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() }),
  z.object({ type: z.literal('break') }),
  z.object({
    type: z.literal('link'),
    url: z.string(),
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
  }),
]);

/** One thing civil society brought up ("medskick"), with its formatting kept for export. */
export const TakeawaySchema = z.object({
  runs: z.array(RunSchema),
  /** The item's first bold phrase, e.g. "Långsiktighet"; null when nothing is bold. */
  keyPhrase: z.string().nullable(),
  text: z.string(),
});
export type Takeaway = z.infer<typeof TakeawaySchema>;

export const TakeawayGroupSchema = z.object({
  documentId: DocumentIdSchema,
  title: z.string(),
  date: IsoDateSchema.nullable(),
  status: StatusSchema,
  items: z.array(TakeawaySchema),
});
export type TakeawayGroup = z.infer<typeof TakeawayGroupSchema>;
