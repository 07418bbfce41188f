import { z } from 'zod';
import { ContentEnvelopeSchema } from './content';
import { DocumentIdSchema, DocumentSummarySchema, StatusSchema } from './domain';
import { MetadataSchema } from './metadata';
import { MessageTextSchema } from './i18n/schema';

/** Where a document stands in its record (ärende-handling): version n of it, replacing version n−1. */
export const VersionInfoSchema = z.object({
  /** The id of version 1: every version of the record shares it. */
  recordId: z.string(),
  version: z.number().int().min(1),
  /** The version this one replaces ("ersätter version 1"); null for version 1. */
  replacesVersion: z.number().int().min(1).nullable(),
  replacesStatus: StatusSchema.nullable(),
  /** The record's newest version outside the trash; larger than `version` when this one has been replaced. */
  latestVersion: z.number().int().min(1),
});
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

/** One version of a record, for the list of versions with a link to each. */
export const RecordVersionSchema = z.object({
  id: DocumentIdSchema,
  version: z.number().int().min(1),
  status: StatusSchema,
  approvedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
});
export type RecordVersion = z.infer<typeof RecordVersionSchema>;

/**
 * A row of the documents list: one per record, the version that counts (record-versions.ts), and
 * the newer draft being written, if any, so it can be opened from the same row.
 */
export const DocumentListItemSchema = DocumentSummarySchema.extend({
  ...VersionInfoSchema.shape,
  newerDraft: RecordVersionSchema.nullable(),
});
export type DocumentListItem = z.infer<typeof DocumentListItemSchema>;

/** A whole document as the editor opens it. */
export const DocumentDetailSchema = DocumentSummarySchema.extend({
  ...VersionInfoSchema.shape,
  metadata: MetadataSchema,
  content: ContentEnvelopeSchema,
  templateVersion: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  registeredAt: z.string().nullable(),
  /** The locked document this draft is a new version of. */
  parentId: z.string().nullable(),
  /** Every version of the record outside the trash, oldest first (this one included). */
  versions: z.array(RecordVersionSchema),
  titlePattern: z.string(),
  /** Set when the editor must not change the document; the reason is shown to the user. */
  readOnly: z.boolean(),
  /** The reason in Swedish (the CLI's words); the renderer shows `readOnlyText` in the UI's language. */
  readOnlyReason: z.string().nullable(),
  readOnlyText: MessageTextSchema.nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
