import { CONTENT_FORMAT, CONTENT_VERSION, emptyEditorState, SectionContentSchema } from '../../../shared/content';
import type { DocumentDetail } from '../../../shared/document';
import { LOCKED_STATUSES } from '../../../shared/domain';
import { MetadataSchema } from '../../../shared/metadata';
import type { TeamDocument } from '../../../shared/team';
import { z } from 'zod';
import * as documents from '../documents-repo';
import * as store from '../document-store';
import { userError } from '../errors';
import { appendUpdate, compactSection, sectionState } from '../sync/local-updates';
import { clearAccount, readAccount, requireAccount, saveAccount } from '../sync/team-account';
import { teamApi, type RemoteDocument } from '../sync/team-client';
import { dropSectionUpdates, localDocumentIds, markSeeded, markShared, sharedRow } from '../sync/shared-documents';
import { recordReviewEdit } from '../revisions';
import { getTemplate } from '../templates/template-repo';
import type { CoreContext, HandlerGroup } from './context';

type Keys =
  | 'teamAccount'
  | 'teamSignIn'
  | 'teamSignOut'
  | 'shareDocument'
  | 'listTeamDocuments'
  | 'openTeamDocument'
  | 'sharedInfo'
  | 'appendSectionUpdates'
  | 'markSectionSent'
  | 'saveConflictCopy'
  | 'mirrorSharedContent'
  | 'listTeamUsers'
  | 'assignSection';

/** What the server keeps of a document besides its text: enough for a teammate to make a local copy. */
const SharedMetaSchema = z.object({
  title: z.string(),
  fields: MetadataSchema,
  sections: z.array(SectionContentSchema.omit({ state: true })).max(200),
  templateKey: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
});

export function sharedMetaOf(doc: DocumentDetail): z.infer<typeof SharedMetaSchema> {
  return {
    title: doc.title,
    fields: doc.metadata,
    sections: doc.content.sections.map(({ state: _s, ...meta }) => meta),
    templateKey: doc.templateKey,
    templateVersion: doc.templateVersion,
  };
}

function remoteSummary(r: RemoteDocument, local: boolean): TeamDocument {
  const meta = SharedMetaSchema.safeParse(r.metadata);
  return {
    id: r.id,
    title: meta.success ? meta.data.title : r.id,
    meetingDate: meta.success ? meta.data.fields.date || null : null,
    status: r.status,
    updatedAt: r.updatedAt,
    local,
  };
}

function templateOrNull(ctx: CoreContext, key: string | null, version: number | null) {
  if (!key) return null;
  try {
    return getTemplate(ctx.db, key, version ?? undefined);
  } catch {
    return null;
  }
}

/** A teammate's copy: the server's id, metadata and sections; the text arrives through the editors. */
function localCopy(ctx: CoreContext, remote: RemoteDocument, serverUrl: string): void {
  const meta = SharedMetaSchema.safeParse(remote.metadata);
  if (!meta.success) throw userError('team_bad_answer', 'errors.team.metadataMissing');
  const template = templateOrNull(ctx, meta.data.templateKey, meta.data.templateVersion);
  const fields = template ? meta.data.fields : { ...meta.data.fields, title: meta.data.fields.title || meta.data.title };
  const sections = meta.data.sections.map((s) => ({ ...s, state: emptyEditorState() }));
  store.insertDocument(ctx.db, {
    id: remote.id,
    metadata: fields,
    content: { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections },
    template,
  });
  markShared(ctx.db, remote.id, serverUrl, true);
}

const approverOf = (r: RemoteDocument): string | null => (typeof r.metadata.approvedBy === 'string' ? r.metadata.approvedBy : null);

function requireShared(ctx: CoreContext, id: string) {
  const row = sharedRow(ctx.db, id);
  if (!row) throw userError('not_shared', 'errors.team.notShared');
  return row;
}

/** Co-drafting: sign-in, sharing, the local Yjs updates, and the local copy kept in step with the server. */
export function teamHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  const account = () => requireAccount(ctx.db, ctx.secrets);
  return {
    teamAccount: () => readAccount(ctx.db, ctx.secrets),
    teamSignIn: async (input) => {
      const signed = await teamApi.signIn(input.serverUrl, input.code);
      return saveAccount(ctx.db, { serverUrl: input.serverUrl, ...signed }, ctx.secrets);
    },
    teamSignOut: () => {
      clearAccount(ctx.db);
      return {};
    },
    shareDocument: async (input) => {
      const a = account();
      const doc = store.loadDocument(ctx.db, input.id);
      if (sharedRow(ctx.db, doc.id)) return doc;
      if (doc.readOnly) throw userError('locked', 'errors.team.lockedShare');
      await teamApi.put(a.serverUrl, a.token, doc.id, { metadata: sharedMetaOf(doc) });
      markShared(ctx.db, doc.id, a.serverUrl, false);
      return store.loadDocument(ctx.db, doc.id);
    },
    listTeamDocuments: async () => {
      const a = account();
      const remote = await teamApi.list(a.serverUrl, a.token);
      const local = localDocumentIds(
        ctx.db,
        remote.map((r) => r.id),
      );
      return remote.map((r) => remoteSummary(r, local.has(r.id)));
    },
    openTeamDocument: async (input) => {
      const a = account();
      const remote = await teamApi.get(a.serverUrl, a.token, input.id);
      if (localDocumentIds(ctx.db, [remote.id]).size === 0) localCopy(ctx, remote, a.serverUrl);
      // A copy once thrown away comes back from the trash rather than being made twice.
      if (store.loadDocument(ctx.db, remote.id).deletedAt) store.setTrashed(ctx.db, remote.id, false);
      store.mirrorShared(ctx.db, remote.id, { status: remote.status, approvedBy: approverOf(remote) });
      return store.loadDocument(ctx.db, remote.id);
    },
    sharedInfo: async (input) => {
      const row = sharedRow(ctx.db, input.id);
      if (!row) return { shared: false, account: null, sections: [], serverStatus: null };
      const a = readAccount(ctx.db, ctx.secrets);
      let serverStatus = null;
      if (a) {
        // Short: an unreachable server must not hold up opening what is stored here.
        const remote = await teamApi.get(a.serverUrl, a.token, input.id, 1500).catch(() => null);
        serverStatus = remote?.status ?? null;
        if (remote) store.mirrorShared(ctx.db, input.id, { status: remote.status, approvedBy: approverOf(remote) });
      }
      const doc = store.loadDocument(ctx.db, input.id);
      const unsent = ctx.db.prepare(`SELECT count(*) AS n FROM section_updates WHERE document_id = ? AND section_key = ? AND sent = 0`);
      const stored = ctx.db.prepare(`SELECT count(*) AS n FROM section_updates WHERE document_id = ? AND section_key = ?`);
      const count = (q: typeof unsent, key: string) => (q.get(doc.id, key) as { n: number }).n;
      const sections = doc.content.sections.map((s) => ({
        key: s.key,
        stateBase64: Buffer.from(sectionState(ctx.db, { documentId: doc.id, sectionKey: s.key })).toString('base64'),
        unsent: count(unsent, s.key),
        seed: !row.seeded && count(stored, s.key) === 0 && a?.user.role === 'sekreterare',
      }));
      return { shared: true, account: a, sections, serverStatus };
    },
    appendSectionUpdates: (input) => {
      requireShared(ctx, input.id);
      const ref = { documentId: input.id, sectionKey: input.section };
      ctx.db.transaction(() => {
        for (const u of input.updates) appendUpdate(ctx.db, ref, new Uint8Array(Buffer.from(u.dataBase64, 'base64')), { sent: u.sent });
      })();
      return {};
    },
    markSectionSent: (input) => {
      requireShared(ctx, input.id);
      ctx.db
        .prepare(`UPDATE section_updates SET sent = 1 WHERE document_id = ? AND section_key = ? AND sent = 0`)
        .run(input.id, input.section);
      markSeeded(ctx.db, input.id);
      compactSection(ctx.db, { documentId: input.id, sectionKey: input.section });
      return {};
    },
    saveConflictCopy: (input) => {
      requireShared(ctx, input.id);
      const doc = store.loadDocument(ctx.db, input.id);
      const copy = store.insertDocument(ctx.db, {
        metadata: { ...doc.metadata, title: `${doc.title} (konfliktkopia)` },
        content: input.content,
        template: null,
      });
      dropSectionUpdates(ctx.db, input.id);
      return documents.getDocumentSummary(ctx.db, copy.id);
    },
    mirrorSharedContent: (input) => {
      requireShared(ctx, input.id);
      store.mirrorShared(ctx.db, input.id, { content: input.content });
      const authors = [...new Set(input.authors ?? [])].sort();
      if (authors.length > 0) recordReviewEdit(ctx.db, input.id, authors.join(', '));
      return {};
    },
    listTeamUsers: async () => {
      const a = account();
      return teamApi.users(a.serverUrl, a.token);
    },
    assignSection: async (input) => {
      const a = account();
      await teamApi.assign(a.serverUrl, a.token, input.id, input.section, input.userIds);
      return {};
    },
  };
}

/**
 * A shared document's status is decided on the server (two people approving at once: one wins),
 * so a status change goes there first and is made here only when the server took it.
 */
export async function pushSharedStatus(
  ctx: CoreContext,
  change: { id: string; status: DocumentDetail['status']; approvedBy?: string; dnr?: string },
): Promise<void> {
  const a = requireAccount(ctx.db, ctx.secrets);
  const doc = store.loadDocument(ctx.db, change.id);
  const meta = sharedMetaOf(doc);
  const fields = change.dnr ? { ...meta.fields, dnr: change.dnr } : meta.fields;
  const approvedBy = change.status === 'justerad' ? (change.approvedBy ?? null) : (doc.approvedBy ?? null);
  await teamApi.put(a.serverUrl, a.token, change.id, { status: change.status, metadata: { ...meta, fields, approvedBy } });
}

/** Metadata the secretary edits reaches the server with the autosave; a failure waits for the next one. */
export function pushSharedMetadata(ctx: CoreContext, id: string): void {
  const row = sharedRow(ctx.db, id);
  const a = row ? readAccount(ctx.db, ctx.secrets) : null;
  if (!a || a.user.role !== 'sekreterare') return;
  const doc = store.loadDocument(ctx.db, id);
  if (LOCKED_STATUSES.includes(doc.status)) return;
  void teamApi.put(a.serverUrl, a.token, id, { metadata: sharedMetaOf(doc) }).catch(() => undefined);
}
