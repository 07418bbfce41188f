import type { Db } from '../../src/main/core/db';
import { createFromTemplate } from '../../src/main/core/new-document';

/**
 * `n` documents in one statement, copies of one real one (so every column is as the app writes it)
 * with their own id, record, meeting date, series and time: 50,000 in seconds, not minutes.
 * Dates spread over ten years, every seventh undated, three series and none; the searchable text is
 * one short line (indexing full minutes would take the time this saves).
 */
export function addManyDocuments(db: Db, n: number): void {
  const seed = createFromTemplate(db, 'samrad', { date: '2026-06-09', theme: 'Mall', department: 'Arbetsmarknadsdepartementet' });
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < @n)
     INSERT INTO documents (id, title, meeting_date, status, series, template_key, template_version, metadata, content, plain_text,
       record_id, version_no, parent_id, created_at, updated_at)
     SELECT printf('m%07d', i), printf('Samråd %d', i),
       CASE WHEN i % 7 = 0 THEN NULL ELSE date('2016-01-01', printf('+%d days', (i * 37) % 3650)) END,
       CASE WHEN i % 5 = 0 THEN 'justerad' ELSE 'utkast' END,
       CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN 'Samråd integration' WHEN 2 THEN 'Samråd demokrati' ELSE 'Referensgrupp' END,
       s.template_key, s.template_version, s.metadata, s.content, printf('Samråd %d om integration och demokrati', i),
       printf('m%07d', i), 1, NULL,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i)), strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i))
     FROM k, documents s WHERE s.id = @seed`,
  ).run({ n, seed: seed.id });
  db.prepare('DELETE FROM documents WHERE id = ?').run(seed.id);
}
