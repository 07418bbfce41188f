import type Database from 'better-sqlite3';

/**
 * Ordered schema migrations. Entry i brings the database to user_version i+1.
 * Never edit a shipped entry: append a new one.
 */
export const migrations: ReadonlyArray<(db: Database.Database) => void> = [
  (db) => {
    db.exec(`
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        meeting_date TEXT,
        status TEXT NOT NULL DEFAULT 'utkast'
          CHECK (status IN ('utkast','granskning','justerad','registrerad')),
        series TEXT,
        template_key TEXT,
        template_version INTEGER,
        metadata TEXT NOT NULL DEFAULT '{}',
        content TEXT,
        plain_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX documents_by_date ON documents(meeting_date);
    `);
  },
  (db) => {
    // Templates are versioned: editing one adds a row, and a document records the version it came from.
    db.exec(`
      CREATE TABLE templates (
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        definition TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        PRIMARY KEY (key, version)
      ) STRICT;
    `);
  },
];

export const SCHEMA_VERSION = migrations.length;
