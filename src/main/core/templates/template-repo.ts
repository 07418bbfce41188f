import { TemplateSchema, type Template } from '../../../shared/template';
import type { Db } from '../db';
import { userError } from '../errors';
import { nowIso } from '../ids';
import { BUILTIN_TEMPLATES } from './builtin';

export type TemplateSummary = { key: string; name: string; version: number; builtin: boolean; description: string; sectionCount: number };

type Row = { key: string; version: number; name: string; definition: string; builtin: number };

function parseRow(row: Row): Template {
  return TemplateSchema.parse(JSON.parse(row.definition));
}

/** The newest version of every template that is not deleted. */
export function listTemplates(db: Db): TemplateSummary[] {
  const rows = db
    .prepare(
      `SELECT t.* FROM templates t
       WHERE t.deleted_at IS NULL AND t.version = (SELECT MAX(version) FROM templates WHERE key = t.key)
       ORDER BY t.builtin DESC, t.name COLLATE NOCASE`,
    )
    .all() as Row[];
  return rows.map((r) => {
    const t = parseRow(r);
    return {
      key: t.key,
      name: t.name,
      version: t.version,
      builtin: r.builtin === 1,
      description: t.description,
      sectionCount: t.sections.length,
    };
  });
}

/** A template at a given version, or its newest version. */
export function getTemplate(db: Db, key: string, version?: number): Template {
  const row = (
    version === undefined
      ? db.prepare(`SELECT * FROM templates WHERE key = ? ORDER BY version DESC LIMIT 1`).get(key)
      : db.prepare(`SELECT * FROM templates WHERE key = ? AND version = ?`).get(key, version)
  ) as Row | undefined;
  if (!row) throw userError('template_not_found', 'errors.template.notFound', { key });
  return parseRow(row);
}

export function isBuiltinKey(key: string): boolean {
  return BUILTIN_TEMPLATES.some((t) => t.key === key);
}

/** Stores a template as a new version of its key (built-in keys cannot be changed: duplicate them). */
export function saveTemplate(db: Db, template: Template): Template {
  if (isBuiltinKey(template.key)) {
    throw userError('template_readonly', 'errors.template.builtinSave', { key: template.key });
  }
  const current = db.prepare(`SELECT MAX(version) AS v FROM templates WHERE key = ?`).get(template.key) as { v: number | null };
  const version = (current.v ?? 0) + 1;
  const stored = TemplateSchema.parse({ ...template, version });
  db.prepare(`INSERT INTO templates (key, version, name, definition, builtin, created_at) VALUES (?, ?, ?, ?, 0, ?)`).run(
    stored.key,
    version,
    stored.name,
    JSON.stringify(stored),
    nowIso(),
  );
  return stored;
}
