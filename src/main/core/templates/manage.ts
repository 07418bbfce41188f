import { z } from 'zod';
import { SlugSchema, TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, TemplateSchema, type Template } from '../../../shared/template';
import type { Db } from '../db';
import { msg, userError } from '../errors';
import { nowIso } from '../ids';
import { getTemplate, isBuiltinKey, saveTemplate } from './template-repo';
import { pluralKey } from '../../../shared/i18n/catalogue';

/**
 * Managing user templates. Every change is a new version (documents keep pointing at the version
 * they were made from), built-ins are read-only (duplicate them instead), and deleting only hides
 * a template: its stored versions stay, so nothing that refers to them breaks.
 */

// Messages go to the user as is, so schema errors are reported in Swedish.
const SWEDISH = z.locales.sv().localeError;

/**
 * Reads the newest version and writes the next one in one write transaction, so the app and the
 * CLI saving the same key at once cannot both claim the same version number.
 */
export function writeTemplate<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** ["sections", 2, "heading"] → "sections[2].heading", as the field is written in the file. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** A template (from a file, the editor or IPC) checked against the schema; newer formats are refused first. */
export function validateTemplate(input: unknown): Template {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw userError('template_invalid', 'errors.template.notObject');
  }
  const { format, formatVersion } = input as Record<string, unknown>;
  if (format !== TEMPLATE_FORMAT) {
    throw userError('template_invalid', 'errors.template.wrongFormat', { format: TEMPLATE_FORMAT });
  }
  // Checked before the schema: a newer format may differ anywhere, and this is the message that helps.
  if (typeof formatVersion === 'number' && formatVersion > TEMPLATE_FORMAT_VERSION) {
    throw userError('template_too_new', 'errors.template.tooNew', {
      version: String(formatVersion),
      supported: String(TEMPLATE_FORMAT_VERSION),
    });
  }
  const parsed = TemplateSchema.safeParse(input, { error: SWEDISH });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue?.message ?? msg('errors.unknownError');
    throw issue && issue.path.length > 0
      ? userError('template_invalid', 'errors.template.invalidField', { field: fieldPath(issue.path), detail })
      : userError('template_invalid', 'errors.template.invalid', { detail });
  }
  return parsed.data;
}

export function assertUserKey(key: string): void {
  const slug = SlugSchema.safeParse(key);
  if (!slug.success) {
    throw userError('template_bad_key', 'errors.template.badKey', {
      key,
      detail: slug.error.issues[0]?.message ?? msg('errors.template.badKey.invalid'),
    });
  }
  if (isBuiltinKey(key)) throw userError('template_readonly', 'errors.template.builtinKey', { key });
}

function assertName(name: string): void {
  if (name.trim() === '') throw userError('template_bad_name', 'errors.template.nameMissing');
  if (name.trim().length > 200) throw userError('template_bad_name', 'errors.template.nameTooLong');
}

/** Checks the key and name a new template (or the next version of a user template) is saved under. */
export function checkNewTemplate(key: string, name: string): void {
  assertUserKey(key);
  assertName(name);
}

/** The newest version of a template that has not been deleted, or null. */
export function findLiveTemplate(db: Db, key: string): Template | null {
  const row = db.prepare(`SELECT version, deleted_at FROM templates WHERE key = ? ORDER BY version DESC LIMIT 1`).get(key) as
    { version: number; deleted_at: string | null } | undefined;
  return row && !row.deleted_at ? getTemplate(db, key, row.version) : null;
}

export function requireLiveTemplate(db: Db, key: string): Template {
  const t = findLiveTemplate(db, key);
  if (!t) throw userError('template_not_found', 'errors.template.notFound', { key });
  return t;
}

/** What was refused on a built-in template: rename, change or delete. */
type BuiltinRefusal = 'errors.template.builtin.rename' | 'errors.template.builtin.change' | 'errors.template.builtin.delete';

function requireEditable(db: Db, key: string, refusal: BuiltinRefusal): Template {
  if (isBuiltinKey(key)) throw userError('template_readonly', refusal, { key });
  return requireLiveTemplate(db, key);
}

export function renameTemplate(db: Db, key: string, name: string): Template {
  assertName(name);
  return writeTemplate(db, () => saveTemplate(db, { ...requireEditable(db, key, 'errors.template.builtin.rename'), name: name.trim() }));
}

/** A changed template (from the template editor) as the next version of its key, which must exist. */
export function updateTemplate(db: Db, template: unknown): Template {
  const t = validateTemplate(template);
  return writeTemplate(db, () => {
    requireEditable(db, t.key, 'errors.template.builtin.change');
    return saveTemplate(db, t);
  });
}

/** A copy under a new key; the way to change a built-in template. */
export function duplicateTemplate(db: Db, key: string, newKey: string, newName: string): Template {
  checkNewTemplate(newKey, newName);
  return writeTemplate(db, () => {
    const source = requireLiveTemplate(db, key);
    if (findLiveTemplate(db, newKey)) throw userError('template_exists', 'errors.template.exists', { key: newKey });
    return saveTemplate(db, { ...source, key: newKey, name: newName.trim() });
  });
}

/** Hides a template that no document (also in the trash) uses; its versions stay for the record. */
export function deleteTemplate(db: Db, key: string): void {
  writeTemplate(db, () => {
    requireEditable(db, key, 'errors.template.builtin.delete');
    const use = db.prepare(`SELECT COUNT(*) AS n, COUNT(deleted_at) AS trashed FROM documents WHERE template_key = ?`).get(key) as {
      n: number;
      trashed: number;
    };
    if (use.n > 0) {
      const n = String(use.n);
      throw use.trashed > 0
        ? userError('template_in_use', pluralKey('errors.template.inUseTrash', use.n), { n, trashed: String(use.trashed) })
        : userError('template_in_use', pluralKey('errors.template.inUse', use.n), { n });
    }
    db.prepare(`UPDATE templates SET deleted_at = ? WHERE key = ? AND deleted_at IS NULL`).run(nowIso(), key);
  });
}
