import { z } from 'zod';
import { ContentEnvelopeSchema } from './content';
import { StatusSchema } from './domain';
import { MetadataSchema } from './metadata';

export const RevisionSummarySchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  reason: z.string(),
  status: StatusSchema,
  title: z.string(),
  /** Who made it, where known: a shared document's editors, the person signed in to the team server. */
  author: z.string().nullable(),
  /** A saved version's own name, when it was given one. */
  name: z.string().nullable(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({
  documentId: z.string(),
  metadata: MetadataSchema,
  content: ContentEnvelopeSchema.nullable(),
  plainText: z.string(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const DiffLineSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLineSchema>;
