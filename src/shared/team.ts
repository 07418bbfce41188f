import { z } from 'zod';
import { ContentEnvelopeSchema } from './content';
import { DocumentDetailSchema } from './document';
import { DocumentIdSchema, DocumentSummarySchema, StatusSchema } from './domain';
import { SlugSchema } from './template';

/**
 * Co-drafting on a team server: what the app keeps about the person signed in, and the channels
 * the renderer uses for a shared document. Nothing here is called for a document that is not
 * shared, so the single-user app never opens a socket.
 */

export const TeamRoleSchema = z.enum(['sekreterare', 'rapportör']);
export const TeamUserSchema = z.object({ id: z.string(), name: z.string(), role: TeamRoleSchema });
export type TeamUser = z.infer<typeof TeamUserSchema>;

export const TeamAccountSchema = z.object({
  serverUrl: z.string(),
  /** Where the section editors connect: ws(s)://host:port/sync. */
  syncUrl: z.string(),
  user: TeamUserSchema,
  token: z.string(),
});
export type TeamAccount = z.infer<typeof TeamAccountSchema>;

/** A server address as a person types it: http(s) only, no path tricks, no credentials. */
export const ServerUrlSchema = z
  .string()
  .trim()
  .min(1, 'Ange serverns adress')
  .max(500)
  .transform((s) => (/^[a-z]+:\/\//i.test(s) ? s : `http://${s}`))
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
    } catch {
      return false;
    }
  }, 'Adressen ska se ut som https://team.exempel.se eller 127.0.0.1:5200')
  .transform((s) => new URL(s).origin);

/** A section of a shared document, as the editor needs it to open the section's Y.Doc. */
export const SectionSyncStateSchema = z.object({
  key: SlugSchema,
  /** Every update stored locally for the section, merged (base64). */
  stateBase64: z.string(),
  /** How many of them the server has not acknowledged: edits made offline or not yet confirmed. */
  unsent: z.number().int().min(0),
  /** The person who shared it, before the server holds this section: their editor seeds it. */
  seed: z.boolean(),
});

export const SharedInfoSchema = z.object({
  shared: z.boolean(),
  account: TeamAccountSchema.nullable(),
  sections: z.array(SectionSyncStateSchema),
  /** What the server said when it was asked (status refreshed); null when it could not be reached. */
  serverStatus: StatusSchema.nullable(),
});
export type SharedInfo = z.infer<typeof SharedInfoSchema>;

export const TeamDocumentSchema = z.object({
  id: DocumentIdSchema,
  title: z.string(),
  meetingDate: z.string().nullable(),
  status: StatusSchema,
  updatedAt: z.string(),
  /** Already in this computer's store. */
  local: z.boolean(),
});
export type TeamDocument = z.infer<typeof TeamDocumentSchema>;

const UpdateSchema = z.object({ dataBase64: z.string().max(12 * 1024 * 1024), sent: z.boolean() });
const sectionRef = { id: DocumentIdSchema, section: SlugSchema };

export const teamContract = {
  /** Who is signed in to which team server; null when none (the default). */
  teamAccount: { input: z.object({}).strict(), output: TeamAccountSchema.nullable() },
  /** Exchanges a one-time code from `minnes server user add` for a token kept on this computer. */
  teamSignIn: {
    input: z.object({ serverUrl: ServerUrlSchema, code: z.string().trim().min(1, 'Ange koden').max(100) }).strict(),
    output: TeamAccountSchema,
  },
  teamSignOut: { input: z.object({}).strict(), output: z.object({}) },
  /** "Dela med teamet": registers the document on the server; its editors then seed the sections. */
  shareDocument: { input: z.object({ id: DocumentIdSchema }).strict(), output: DocumentDetailSchema },
  /** The team's shared documents, from the server. */
  listTeamDocuments: { input: z.object({}).strict(), output: z.array(TeamDocumentSchema) },
  /** Opens a shared document here, creating its local copy from the server the first time. */
  openTeamDocument: { input: z.object({ id: DocumentIdSchema }).strict(), output: DocumentDetailSchema },
  /** What the editor needs to open a document's sections in shared mode (or `shared: false`). */
  sharedInfo: { input: z.object({ id: DocumentIdSchema }).strict(), output: SharedInfoSchema },
  /** Keeps Yjs updates in the local store, so edits made offline survive closing the app. */
  appendSectionUpdates: {
    input: z.object({ ...sectionRef, updates: z.array(UpdateSchema).min(1).max(500) }).strict(),
    output: z.object({}),
  },
  /** The server has everything this section holds: nothing of it is unsent any more. */
  markSectionSent: { input: z.object(sectionRef).strict(), output: z.object({}) },
  /**
   * Edits the server refused (the minutes were approved meanwhile): kept as a new local draft,
   * never merged into the record; the shared document's local updates are dropped.
   */
  saveConflictCopy: {
    input: z.object({ id: DocumentIdSchema, content: ContentEnvelopeSchema }).strict(),
    output: DocumentSummarySchema,
  },
  /** The local copy of a shared document follows the server: its content, whatever its status. */
  mirrorSharedContent: {
    input: z
      .object({
        id: DocumentIdSchema,
        content: ContentEnvelopeSchema,
        /** Who wrote what changed since the last mirror: the history names them. */
        authors: z.array(z.string().max(200)).max(100).optional(),
      })
      .strict(),
    output: z.object({}),
  },
  listTeamUsers: { input: z.object({}).strict(), output: z.array(TeamUserSchema) },
  assignSection: {
    input: z.object({ ...sectionRef, userIds: z.array(z.string().max(64)).max(100) }).strict(),
    output: z.object({}),
  },
  /** "Dela mina mallar och serier" (sekreterare): every own template's newest version and every saved series, to the server. */
  shareTeamLibrary: {
    input: z.object({}).strict(),
    output: z.object({ templates: z.number().int().min(0), series: z.number().int().min(0) }),
  },
  /** "Hämta teamets mallar och serier": new ones are added here, changed ones become a new version; `unchanged` were alike already. */
  fetchTeamLibrary: {
    input: z.object({}).strict(),
    output: z.object({ templates: z.number().int().min(0), series: z.number().int().min(0), unchanged: z.number().int().min(0) }),
  },
} as const;
