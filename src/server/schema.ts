import type { PoolClient } from 'pg';

/**
 * The team server's tables, as an ordered list of migrations: each runs once, in its own
 * transaction, and the applied versions are recorded. New versions are only ever appended.
 */
const MIGRATIONS: readonly string[] = [
  // 1: people, their sign-in codes, the documents the team shares, who writes which section,
  // and the Yjs state of each section (one Y.Doc per `minutes/<documentId>/<sectionKey>`).
  `
  CREATE TABLE users (
    id text PRIMARY KEY,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('sekreterare', 'rapportör')),
    token_hash text,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE sign_in_codes (
    code_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  );
  CREATE TABLE documents (
    id text PRIMARY KEY,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    status text NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'granskning', 'justerad', 'registrerad')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE section_assignments (
    document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_key text NOT NULL,
    user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, section_key, user_id)
  );
  CREATE INDEX section_assignments_user ON section_assignments (user_id);
  CREATE TABLE yjs_documents (
    name text PRIMARY KEY,
    state bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  `,
  // 2: the unit's template library and the year's series, shared by a sekreterare: one row per
  // template key (its newest version as the sharer had it) and per series name.
  `
  CREATE TABLE templates (
    key text PRIMARY KEY,
    template jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text REFERENCES users(id) ON DELETE SET NULL
  );
  CREATE TABLE series (
    name text PRIMARY KEY,
    series jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text REFERENCES users(id) ON DELETE SET NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

// Any fixed number: two servers starting on one database take turns migrating instead of racing.
const MIGRATION_LOCK = 0x6d696e6e;

/** Brings the database up to SCHEMA_VERSION, inside the caller's transaction; refuses one that a newer Minnes has migrated. */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await client.query(
    'CREATE TABLE IF NOT EXISTS minnes_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM minnes_schema');
  const current = rows[0]?.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${current}, this Minnes knows only up to ${SCHEMA_VERSION}: update Minnes on the server`,
    );
  }
  for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
    await client.query(MIGRATIONS[v - 1]!);
    await client.query('INSERT INTO minnes_schema (version) VALUES ($1)', [v]);
  }
}
