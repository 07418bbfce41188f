import { z } from 'zod';
import { ContentEnvelopeSchema } from './content';
import { DocumentDetailSchema, DocumentListItemSchema } from './document';
import { DocumentIdSchema, DocumentSummarySchema, IsoDateSchema, StatusSchema } from './domain';
import { DiffLineSchema, RevisionSchema, RevisionSummarySchema } from './revisions';
import { MetadataPatchSchema, MetadataSchema } from './metadata';
import type { Result } from './result';
import { SeriesOverviewSchema, SeriesSchema, SeriesSummarySchema, TakeawayGroupSchema } from './series';
import { SlugSchema, TemplateSchema } from './template';
import { teamContract } from './team';
import { spellContract } from './spell-contract';
import { preferencesContract } from './preferences';
import { MessageTextSchema } from './i18n/schema';

const byId = z.object({ id: DocumentIdSchema }).strict();
export const ExportFormatSchema = z.enum(['docx', 'pdf', 'zip']);
export type ExportFormatName = z.infer<typeof ExportFormatSchema>;

export const TemplateSummarySchema = z.object({
  key: z.string(),
  name: z.string(),
  version: z.number().int(),
  builtin: z.boolean(),
  description: z.string(),
  sectionCount: z.number().int(),
});

export const SearchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  status: z.string(),
  /** Which version of its record the hit is; a record is one hit. */
  version: z.number().int().min(1),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const BackupSummarySchema = z.object({ name: z.string(), createdAt: z.string(), size: z.number().int() });
/** A file name in the backups folder: never a path. */
export const BackupNameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.sqlite$/, 'Ogiltigt namn på säkerhetskopia');

export const JobKindSchema = z.enum(['import', 'export', 'package', 'takeaways', 'backup', 'restore', 'check']);
export type JobKindName = z.infer<typeof JobKindSchema>;
export const JobInfoSchema = z.object({ id: z.string(), kind: JobKindSchema, label: z.string(), elapsedMs: z.number() });
export type JobInfo = z.infer<typeof JobInfoSchema>;

/** Largest file the UI may hand to import (base64 adds a third on the wire). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * The one IPC contract. Main (ipcMain), the preload (named methods), the browser host (HTTP)
 * and the renderer all derive from this table, so a channel cannot exist in one and not another.
 */
export const contract = {
  appInfo: {
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), dbPath: z.string(), host: z.enum(['electron', 'browser']) }),
  },
  listTemplates: { input: z.object({}).strict(), output: z.array(TemplateSummarySchema) },
  getTemplate: {
    input: z.object({ key: SlugSchema, version: z.number().int().min(1).optional() }).strict(),
    output: TemplateSchema,
  },
  /** One row per record (its counted version); the trash lists every trashed version. */
  listDocuments: {
    input: z.object({ trash: z.boolean().optional() }).strict(),
    output: z.array(DocumentListItemSchema),
  },
  /** The list a page at a time (keyset on its sort order): what the documents view uses, at any size. */
  listDocumentPage: {
    input: z
      .object({
        trash: z.boolean().optional(),
        limit: z.number().int().min(1).max(200).optional(),
        after: z.string().max(300).optional(),
        series: z.string().max(200).optional(),
        status: StatusSchema.optional(),
        overview: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      items: z.array(DocumentListItemSchema),
      next: z.string().nullable(),
      total: z.number().int().optional(),
      series: z.array(z.string()).optional(),
    }),
  },
  createDocument: {
    input: z.object({ templateKey: SlugSchema.optional(), metadata: MetadataPatchSchema.optional() }).strict(),
    output: DocumentDetailSchema,
  },
  getDocument: { input: byId, output: DocumentDetailSchema },
  saveDocument: {
    input: z.object({ id: DocumentIdSchema, metadata: MetadataSchema.optional(), content: ContentEnvelopeSchema.optional() }).strict(),
    output: DocumentSummarySchema,
  },
  renameDocument: {
    input: z.object({ id: DocumentIdSchema, title: z.string().trim().min(1, 'Titeln får inte vara tom').max(500) }).strict(),
    output: DocumentSummarySchema,
  },
  duplicateDocument: { input: byId, output: DocumentSummarySchema },
  trashDocument: { input: byId, output: DocumentSummarySchema },
  restoreDocument: { input: byId, output: DocumentSummarySchema },
  importDocument: {
    input: z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, 'Filen är för stor (högst 20 MB)'),
        templateKey: SlugSchema.optional(),
        series: z.string().max(200).optional(),
      })
      .strict(),
    /** `notices`: how the file was read, when the user should know (e.g. it could not be split into sections). */
    output: DocumentSummarySchema.extend({ notices: z.array(z.string()).optional(), noticeTexts: z.array(MessageTextSchema).optional() }),
  },
  /** The official format as bytes: the browser host downloads them, the preview shows the PDF. */
  exportDocument: {
    input: z
      .object({
        id: DocumentIdSchema,
        format: ExportFormatSchema,
        /** Förhandsgranska (PDF only): variables without a value drawn as marked placeholders instead of refusing. */
        preview: z.boolean().optional(),
      })
      .strict(),
    /** `notice`: characters the PDF could not draw (the file is complete; they show as boxes). */
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      dataBase64: z.string(),
      notice: z.string().optional(),
      noticeText: MessageTextSchema.optional(),
    }),
  },
  /** The content exactly as stored, never parsed: the way out for a document that can no longer be opened. */
  exportRawContent: { input: byId, output: z.object({ fileName: z.string(), json: z.string() }) },
  /** Desktop only: the save dialog and the atomic write happen in main. */
  saveExport: {
    input: z.object({ id: DocumentIdSchema, format: ExportFormatSchema }).strict(),
    output: z.object({ path: z.string().nullable(), notice: z.string().optional(), noticeText: MessageTextSchema.optional() }),
  },
  changeStatus: {
    input: z
      .object({
        id: DocumentIdSchema,
        status: StatusSchema,
        approvedBy: z.string().trim().max(200).optional(),
        dnr: z.string().trim().max(40).optional(),
        registeredOn: IsoDateSchema.optional(),
        /** The secrecy assessment made at registration (Registrera dialog). */
        secrecy: z
          .object({
            secrecy: z.enum(['offentlig', 'sekretess']),
            secrecyReference: z.string().trim().max(200),
            secrecyDecidedBy: z.string().trim().max(200),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: DocumentDetailSchema,
  },
  newVersion: { input: byId, output: DocumentDetailSchema },
  /** An explicit save: a named point in the history. */
  saveVersion: {
    input: z.object({ id: DocumentIdSchema, name: z.string().trim().max(200, 'Namnet får vara högst 200 tecken').optional() }).strict(),
    output: z.array(RevisionSummarySchema),
  },
  listRevisions: { input: byId, output: z.array(RevisionSummarySchema) },
  getRevision: { input: z.object({ revisionId: z.number().int().min(1) }).strict(), output: RevisionSchema },
  diffRevisions: {
    input: z.object({ before: z.number().int().min(1), after: z.number().int().min(1).nullable() }).strict(),
    output: z.array(DiffLineSchema),
  },
  restoreRevision: { input: z.object({ revisionId: z.number().int().min(1) }).strict(), output: DocumentDetailSchema },
  /** "Nästa möte": a draft for the next meeting of the series, prefilled from this one. */
  nextMeeting: {
    input: z
      .object({ id: DocumentIdSchema, date: IsoDateSchema, templateKey: SlugSchema.optional(), theme: z.string().max(500).optional() })
      .strict(),
    output: DocumentDetailSchema,
  },
  searchDocuments: {
    input: z.object({ query: z.string().max(2000), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.array(SearchHitSchema),
  },
  /** "Spara som mall": carried-over sections keep their text, fresh ones are emptied. */
  saveAsTemplate: {
    input: z.object({ id: DocumentIdSchema, key: SlugSchema, name: z.string().trim().min(1).max(200) }).strict(),
    output: TemplateSchema,
  },
  renameTemplate: { input: z.object({ key: SlugSchema, name: z.string().trim().min(1).max(200) }).strict(), output: TemplateSchema },
  updateTemplate: { input: z.object({ template: TemplateSchema }).strict(), output: TemplateSchema },
  duplicateTemplate: {
    input: z.object({ key: SlugSchema, newKey: SlugSchema, newName: z.string().trim().min(1).max(200) }).strict(),
    output: TemplateSchema,
  },
  deleteTemplate: { input: z.object({ key: SlugSchema }).strict(), output: z.object({}) },
  exportTemplate: { input: z.object({ key: SlugSchema }).strict(), output: z.object({ fileName: z.string(), json: z.string() }) },
  importTemplate: { input: z.object({ json: z.string().max(1024 * 1024 + 1) }).strict(), output: TemplateSchema },
  listSeries: { input: z.object({}).strict(), output: z.array(SeriesSummarySchema) },
  saveSeries: { input: SeriesSchema.strict(), output: SeriesSchema },
  getSeriesOverview: { input: z.object({ name: z.string().min(1).max(200) }).strict(), output: SeriesOverviewSchema },
  deleteSeries: { input: z.object({ name: z.string().min(1).max(200) }).strict(), output: z.object({}) },
  /** "Medskick över året": every takeaway of every meeting of a series. */
  collectTakeaways: {
    input: z.object({ series: z.string().min(1).max(200), year: z.number().int().optional() }).strict(),
    output: z.array(TakeawayGroupSchema),
  },
  /** The takeaways overview as DOCX in the house style (bytes: the renderer downloads or saves them). */
  exportTakeaways: {
    input: z.object({ series: z.string().min(1).max(200), year: z.number().int().optional() }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string() }),
  },
  /** Reads every page of the database (in a worker): the check that no longer runs at every open. */
  checkDatabase: {
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), message: z.string(), text: MessageTextSchema.optional() }),
  },
  listBackups: { input: z.object({}).strict(), output: z.array(BackupSummarySchema) },
  createBackup: { input: z.object({}).strict(), output: BackupSummarySchema },
  /** Replaces the whole database with a verified backup; the current one is kept as a backup first. */
  restoreBackup: { input: z.object({ name: BackupNameSchema }).strict(), output: z.object({ safetyCopy: z.string().nullable() }) },
  /** Heavy work running off the main thread (import, export, package, backup, takeaways), for the progress line. */
  listJobs: {
    input: z.object({}).strict(),
    output: z.array(JobInfoSchema),
  },
  /** "Avbryt": ends the job's worker; nothing it would have saved or written is kept. `cancelled` is false when it had already ended. */
  cancelJob: { input: z.object({ id: z.string().uuid() }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Desktop only: reveals a file this session exported (no other path is accepted). */
  showInFolder: { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: z.object({}) },
  /** Co-drafting on a team server (src/shared/team.ts). */
  ...teamContract,
  /** Spell-checking and the personal word list (src/shared/spell-contract.ts). */
  ...spellContract,
  /** The UI language (src/shared/preferences.ts). */
  ...preferencesContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes (before defaults) and what a handler receives (after parsing). */
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** Implemented once in the core; served by IPC in Electron and by HTTP in the browser host. */
export type Handlers = { [C in Channel]: (input: HandlerInput<C>) => Promise<Output<C>> | Output<C> };

/** What crosses the boundary: `window.minnes` in Electron and the HTTP client both return Results. */
export type TransportApi = { [C in Channel]: (input: CallInput<C>) => Promise<Result<Output<C>>> };

/** What renderer code calls: the same methods, with failures thrown as ApiError. */
export type MinnesApi = { [C in Channel]: (input: CallInput<C>) => Promise<Output<C>> };

export const ipcChannel = (c: Channel): string => `minnes:${c}`;

export function isChannel(s: string): s is Channel {
  return Object.prototype.hasOwnProperty.call(contract, s);
}
