import { z } from 'zod';
import { ContentEnvelopeSchema } from './content';
import { DocumentSummarySchema } from './domain';
import { MetadataSchema } from './metadata';

/** A whole document as the editor opens it. */
export const DocumentDetailSchema = DocumentSummarySchema.extend({
  metadata: MetadataSchema,
  content: ContentEnvelopeSchema,
  templateVersion: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  /** The locked document this draft is a new version of. */
  parentId: z.string().nullable(),
  titlePattern: z.string(),
  /** Set when the editor must not change the document; the reason is shown to the user. */
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
