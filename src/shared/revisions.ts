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

/** How a revision came about, in Swedish for the history list. */
export function revisionLabel(reason: string): string {
  if (reason.startsWith('status:')) return `Status: ${reason.slice(7)}`;
  switch (reason) {
    case 'save':
      return 'Sparad version';
    case 'edit':
      return 'Ändring under granskning';
    case 'restore':
      return 'Före återställning';
    case 'ny-version':
      return 'Ny version skapad';
    case 'ny-version-från-revision':
      return 'Ny version från en revision';
    default:
      return reason;
  }
}
