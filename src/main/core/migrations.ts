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
  (db) => {
    // Review and approval (justering): who approved and when, registration, and "Ny version" links.
    // Revisions are full snapshots: at every status change and on explicit save.
    db.exec(`
      ALTER TABLE documents ADD COLUMN approved_by TEXT;
      ALTER TABLE documents ADD COLUMN approved_at TEXT;
      ALTER TABLE documents ADD COLUMN registered_at TEXT;
      ALTER TABLE documents ADD COLUMN parent_id TEXT REFERENCES documents(id);
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL,
        title TEXT NOT NULL,
        metadata TEXT NOT NULL,
        content TEXT,
        plain_text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_document ON revisions(document_id, id);
    `);
  },
  (db) => {
    // Series (årscykel) and full-text search over title, metadata values (not keys) and text. unicode61 with remove_diacritics 0 keeps å, ä and ö
    // letters of their own, as Swedish readers expect; prefix indexes make "demokrat*" fast.
    db.exec(`
      CREATE TABLE series (
        name TEXT PRIMARY KEY,
        year INTEGER,
        partners TEXT NOT NULL DEFAULT '[]',
        planned TEXT NOT NULL DEFAULT '[]',
        template_key TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, meta, body,
        tokenize = 'unicode61 remove_diacritics 0',
        prefix = '2 3 4'
      );
      INSERT INTO documents_fts(rowid, title, meta, body)
        SELECT rowid, title, (SELECT group_concat(value, ' ') FROM json_each(documents.metadata)), plain_text FROM documents;
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, meta, body) VALUES (new.rowid, new.title, (SELECT group_concat(value, ' ') FROM json_each(new.metadata)), new.plain_text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, metadata, plain_text ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.rowid;
        INSERT INTO documents_fts(rowid, title, meta, body) VALUES (new.rowid, new.title, (SELECT group_concat(value, ' ') FROM json_each(new.metadata)), new.plain_text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.rowid;
      END;
    `);
  },
  (db) => {
    // Re-indexing a long document on every autosave was half the cost of the save. Changed
    // documents are now queued here and indexed just before the next search (search.ts).
    db.exec(`
      DROP TRIGGER documents_fts_update;
      CREATE TABLE fts_pending (doc_rowid INTEGER PRIMARY KEY) STRICT;
      CREATE TRIGGER documents_fts_queue AFTER UPDATE OF title, metadata, plain_text ON documents BEGIN
        INSERT OR IGNORE INTO fts_pending(doc_rowid) VALUES (new.rowid);
      END;
      CREATE TRIGGER documents_fts_pending_delete AFTER DELETE ON documents BEGIN
        DELETE FROM fts_pending WHERE doc_rowid = old.rowid;
      END;
    `);
  },
  (db) => {
    // A record (ärende-handling) and its versions 1, 2, 3 …: record_id is the id of version 1, so
    // lists, the timeline, search and the takeaways can count a record once (record-versions.ts).
    db.exec(`
      ALTER TABLE documents ADD COLUMN record_id TEXT;
      ALTER TABLE documents ADD COLUMN version_no INTEGER NOT NULL DEFAULT 1;
    `);
    backfillRecords(db);
    db.exec(`CREATE UNIQUE INDEX documents_by_record ON documents(record_id, version_no);`);
  },
  (db) => {
    // Lists, locks and the trash read the envelope version from its own column, so a row whose
    // content SQLite's JSON functions cannot parse (deeper than 1000 levels) can still be listed,
    // opened with a message, trashed and repaired. The triggers keep it in step with any write,
    // the app's or a direct one; json_valid is 0 (never an error) for such content, and CASE is
    // evaluated lazily, so json_type only sees well-formed JSON.
    db.exec(`
      ALTER TABLE documents ADD COLUMN content_version INTEGER;
      UPDATE documents SET content_version = ${safeContentVersion('content')};
      CREATE TRIGGER documents_content_version_insert AFTER INSERT ON documents BEGIN
        UPDATE documents SET content_version = ${safeContentVersion('new.content')} WHERE rowid = new.rowid;
      END;
      CREATE TRIGGER documents_content_version_update AFTER UPDATE OF content ON documents BEGIN
        UPDATE documents SET content_version = ${safeContentVersion('new.content')} WHERE rowid = new.rowid;
      END;
    `);
    // The file says it is ours, so a SQLite file of another program is never mistaken for one (db.ts).
    db.pragma(`application_id = ${MINNES_APPLICATION_ID}`);
  },
  // 7 → 8: the documents list reads a page at a time in its sort order (store/list-page.ts), counts
  // records and lists series from indexes, so years of minutes cost what one page costs.
  (db) => {
    db.exec(`
      CREATE INDEX documents_list_order ON documents(deleted_at, ${LIST_ORDER_KEY});
      CREATE INDEX documents_live_records ON documents(deleted_at, record_id);
      CREATE INDEX documents_by_series ON documents(series, deleted_at);
    `);
  },
  // 8 → 9: a shared document's sections as Yjs updates (sync/local-updates.ts), so that what is
  // written offline is kept, in the same transactions as everything else, until the server has it.
  (db) => {
    db.exec(`
      CREATE TABLE section_updates (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        section_key TEXT NOT NULL,
        update_blob BLOB NOT NULL,
        sent INTEGER NOT NULL DEFAULT 0 CHECK (sent IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX section_updates_by_section ON section_updates(document_id, section_key, sent, id);
    `);
  },
  // 9 → 10: who is signed in to a team server, and which documents are shared there
  // (sync/team-account.ts, sync/shared-documents.ts). A store that never shares keeps both empty.
  (db) => {
    db.exec(`
      CREATE TABLE team_account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        user_json TEXT NOT NULL,
        token TEXT NOT NULL,
        sealed INTEGER NOT NULL CHECK (sealed IN (0, 1))
      ) STRICT;
      CREATE TABLE shared_documents (
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        server_url TEXT NOT NULL,
        seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
        shared_at TEXT NOT NULL
      ) STRICT;
    `);
  },
  // 10 → 11: who made a revision (a shared document's editors, the person who approved), for the history.
  (db) => {
    db.exec(`ALTER TABLE revisions ADD COLUMN author TEXT`);
  },
  // 11 → 12: the personal word list of the spell-checker ("Lägg till i ordlistan").
  (db) => {
    db.exec(`CREATE TABLE personal_words (word TEXT PRIMARY KEY, added_at TEXT NOT NULL) STRICT`);
  },
  // 12 → 13: a saved version may have a name ("Före justering", "Skickad till SKR").
  (db) => {
    db.exec(`ALTER TABLE revisions ADD COLUMN name TEXT`);
  },
  // 13 → 14: the app's own preferences (the UI language), one row per name.
  (db) => {
    db.exec(`CREATE TABLE preferences (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
  },
];

/**
 * The documents list's sort order as one descending key: undated drafts first ('9999' sorts above
 * every date), then the newest meeting, the latest change, and the id so that no two rows tie.
 * Written exactly like this wherever it is queried, so that SQLite uses the index on it.
 */
export const LIST_ORDER_KEY = `coalesce(meeting_date, '9999-99-99') || '|' || updated_at || '|' || id`;

/** 'MNES': written in the SQLite header of every Minnes database from schema 7 on. */
export const MINNES_APPLICATION_ID = 0x4d4e4553;

/** The integer `version` of a content envelope, or NULL; cannot fail, however deep or malformed the JSON. */
function safeContentVersion(col: string): string {
  return `CASE WHEN json_valid(${col}) THEN CASE json_type(${col}, '$.version') WHEN 'integer' THEN json_extract(${col}, '$.version') END END`;
}

type ChainRow = { id: string; parent_id: string | null };

/**
 * Earlier builds linked a new version to what it replaced only by parent_id, and could give one
 * approved document several such drafts. Each chain becomes one record; its versions are numbered
 * by depth, then by creation, so siblings get distinct numbers. A cycle or a missing parent (edited
 * by hand) makes the document a record of its own rather than failing the migration.
 */
function backfillRecords(db: Database.Database): void {
  const rows = db.prepare(`SELECT id, parent_id FROM documents ORDER BY created_at, rowid`).all() as ChainRow[];
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  const place = (id: string, order: number) => {
    const seen = new Set<string>([id]);
    let root = id;
    let p = parentOf.get(id);
    for (; p && parentOf.has(p) && !seen.has(p); p = parentOf.get(p)) {
      seen.add(p);
      root = p;
    }
    const cycle = !!p && seen.has(p);
    return cycle ? { id, order, root: id, depth: 1 } : { id, order, root, depth: seen.size };
  };
  const placed = rows.map((r, order) => place(r.id, order));
  placed.sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : a.depth - b.depth || a.order - b.order));
  const update = db.prepare(`UPDATE documents SET record_id = ?, version_no = ? WHERE id = ?`);
  let record: string | null = null;
  let n = 0;
  for (const p of placed) {
    n = p.root === record ? n + 1 : 1;
    record = p.root;
    update.run(record, n, p.id);
  }
}

export const SCHEMA_VERSION = migrations.length;
