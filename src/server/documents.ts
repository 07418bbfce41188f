import type { Pool } from 'pg';
import { LOCKED_STATUSES, TRANSITIONS, type Status } from '../shared/domain';
import { transaction } from './db';
import type { User } from './users';

/** What the team shares of a document besides its rich text. */
export type SharedDocument = {
  id: string;
  metadata: Record<string, unknown>;
  status: Status;
  /** Section key → the ids of the people who may write it (besides every sekreterare). */
  assignments: Record<string, string[]>;
  updatedAt: string;
};

/** A refusal the API and the websocket report as it is: a status code and a sentence. */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

type Row = { id: string; metadata: Record<string, unknown>; status: Status; updated_at: Date };

/** The most documents one list returns; a unit's shared minutes are far fewer. */
export const MAX_LISTED_DOCUMENTS = 500;

/** Rows with their section assignments, fetched in one query for all of them. */
async function withAssignments(pool: Pool, rows: Row[]): Promise<SharedDocument[]> {
  const assigned = await pool.query<{ document_id: string; section_key: string; user_id: string }>(
    `SELECT document_id, section_key, user_id FROM section_assignments
      WHERE document_id = ANY($1::text[]) ORDER BY document_id, section_key, user_id`,
    [rows.map((r) => r.id)],
  );
  const byDocument = new Map<string, Record<string, string[]>>(rows.map((r) => [r.id, {}]));
  for (const a of assigned.rows) (byDocument.get(a.document_id)![a.section_key] ??= []).push(a.user_id);
  return rows.map((row) => ({
    id: row.id,
    metadata: row.metadata,
    status: row.status,
    assignments: byDocument.get(row.id)!,
    updatedAt: row.updated_at.toISOString(),
  }));
}

export async function getDocument(pool: Pool, id: string): Promise<SharedDocument | null> {
  const { rows } = await pool.query<Row>('SELECT id, metadata, status, updated_at FROM documents WHERE id = $1', [id]);
  return rows.length > 0 ? (await withAssignments(pool, rows))[0]! : null;
}

/** Every shared document, the most recently changed first, at most MAX_LISTED_DOCUMENTS. */
export async function listDocuments(pool: Pool): Promise<SharedDocument[]> {
  const { rows } = await pool.query<Row>('SELECT id, metadata, status, updated_at FROM documents ORDER BY updated_at DESC, id LIMIT $1', [
    MAX_LISTED_DOCUMENTS,
  ]);
  return withAssignments(pool, rows);
}

/** "Dokumentet är redan …" for the locked statuses (dokument is neuter). */
const ALREADY: Partial<Record<Status, string>> = { justerad: 'justerat', registrerad: 'registrerat' };

/**
 * Creates or updates a document's metadata and status; sekreterare only. A status change must be
 * a step the workflow allows (src/shared/domain.ts). Approved minutes are locked: the only change
 * still taken is the step to `registrerad`, with the metadata it brings (the diarienummer).
 */
export async function putDocument(
  pool: Pool,
  user: User,
  id: string,
  change: { metadata?: Record<string, unknown>; status?: Status },
): Promise<SharedDocument> {
  if (user.role !== 'sekreterare') throw new Refusal(403, 'Bara en sekreterare kan ändra mötesuppgifter och status.');
  await transaction(pool, async (client) => {
    const { rows } = await client.query<Row>('SELECT id, metadata, status, updated_at FROM documents WHERE id = $1 FOR UPDATE', [id]);
    const current = rows[0];
    if (!current) {
      const status = change.status ?? 'utkast';
      if (status !== 'utkast') throw new Refusal(409, 'Ett nytt dokument börjar som utkast.');
      await client.query('INSERT INTO documents (id, metadata, status) VALUES ($1, $2, $3)', [id, change.metadata ?? {}, status]);
      return;
    }
    const status = change.status ?? current.status;
    if (status !== current.status && !TRANSITIONS[current.status].includes(status)) {
      throw new Refusal(409, `Dokumentet kan inte gå från ${current.status} till ${status}.`);
    }
    if (LOCKED_STATUSES.includes(current.status) && !(current.status === 'justerad' && status === 'registrerad')) {
      // Typically two sekreterare approving at once: the row lock above makes the second see the first's step.
      if (change.status === current.status) throw new Refusal(409, `Dokumentet är redan ${ALREADY[current.status] ?? current.status}.`);
      throw new Refusal(409, `Dokumentet är ${current.status} och kan inte ändras.`);
    }
    await client.query('UPDATE documents SET metadata = $2, status = $3, updated_at = now() WHERE id = $1', [
      id,
      change.metadata ?? current.metadata,
      status,
    ]);
  });
  return (await getDocument(pool, id))!;
}

/** Replaces who writes one section; sekreterare only, and never in locked minutes. */
export async function assignSection(pool: Pool, user: User, id: string, section: string, userIds: string[]): Promise<SharedDocument> {
  if (user.role !== 'sekreterare') throw new Refusal(403, 'Bara en sekreterare kan fördela avsnitt.');
  await transaction(pool, async (client) => {
    const { rows } = await client.query<{ status: Status }>('SELECT status FROM documents WHERE id = $1 FOR UPDATE', [id]);
    const status = rows[0]?.status;
    if (!status) throw new Refusal(404, 'Dokumentet finns inte på servern.');
    if (LOCKED_STATUSES.includes(status)) throw new Refusal(409, `Dokumentet är ${status} och kan inte ändras.`);
    const known = await client.query<{ id: string }>('SELECT id FROM users WHERE id = ANY($1::text[])', [userIds]);
    const missing = userIds.filter((u) => !known.rows.some((r) => r.id === u));
    if (missing.length > 0) throw new Refusal(400, `Okänd person: ${missing.join(', ')}`);
    await client.query('DELETE FROM section_assignments WHERE document_id = $1 AND section_key = $2', [id, section]);
    for (const userId of new Set(userIds)) {
      await client.query('INSERT INTO section_assignments (document_id, section_key, user_id) VALUES ($1, $2, $3)', [id, section, userId]);
    }
  });
  return (await getDocument(pool, id))!;
}

export type SectionAccess = 'write' | 'read';

/**
 * What a person may do with one section: a sekreterare writes every section, a rapportör the ones
 * assigned to them, and no one writes approved minutes. A document the server does not know is
 * refused, so Yjs state exists only for documents a sekreterare has shared.
 */
export async function sectionAccess(pool: Pool, user: User, documentId: string, section: string): Promise<SectionAccess> {
  const { rows } = await pool.query<{ status: Status; assigned: boolean }>(
    `SELECT d.status,
            EXISTS (SELECT 1 FROM section_assignments a
                    WHERE a.document_id = d.id AND a.section_key = $2 AND a.user_id = $3) AS assigned
       FROM documents d WHERE d.id = $1`,
    [documentId, section, user.id],
  );
  const row = rows[0];
  if (!row) throw new Refusal(404, 'Dokumentet finns inte på servern.');
  if (LOCKED_STATUSES.includes(row.status)) return 'read';
  return user.role === 'sekreterare' || row.assigned ? 'write' : 'read';
}
