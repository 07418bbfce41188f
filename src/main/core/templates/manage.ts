import { z } from 'zod';
import { SlugSchema, TEMPLATE_FORMAT, TEMPLATE_FORMAT_VERSION, TemplateSchema, type Template } from '../../../shared/template';
import type { Db } from '../db';
import { MinnesError } from '../errors';
import { nowIso } from '../ids';
import { getTemplate, isBuiltinKey, saveTemplate } from './template-repo';

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
    throw new MinnesError('template_invalid', 'Mallen är ogiltig: den ska vara ett JSON-objekt.');
  }
  const { format, formatVersion } = input as Record<string, unknown>;
  if (format !== TEMPLATE_FORMAT) {
    throw new MinnesError('template_invalid', `Det här är ingen Minnes-mall: fältet format ska vara "${TEMPLATE_FORMAT}".`);
  }
  // Checked before the schema: a newer format may differ anywhere, and this is the message that helps.
  if (typeof formatVersion === 'number' && formatVersion > TEMPLATE_FORMAT_VERSION) {
    throw new MinnesError(
      'template_too_new',
      `Mallen kommer från en nyare version av Minnes (mallformat ${formatVersion}, den här versionen läser ${TEMPLATE_FORMAT_VERSION}). Uppdatera Minnes för att använda den.`,
    );
  }
  const parsed = TemplateSchema.safeParse(input, { error: SWEDISH });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `fältet ${fieldPath(issue.path)}` : 'mallen';
    throw new MinnesError('template_invalid', `Mallen är ogiltig: ${where}: ${issue?.message ?? 'okänt fel'}.`);
  }
  return parsed.data;
}

export function assertUserKey(key: string): void {
  const slug = SlugSchema.safeParse(key);
  if (!slug.success) {
    throw new MinnesError('template_bad_key', `Ogiltig mallnyckel "${key}": ${slug.error.issues[0]?.message ?? 'ogiltig'}.`);
  }
  if (isBuiltinKey(key)) throw new MinnesError('template_readonly', `Mallen "${key}" är inbyggd; byt nyckel för att spara en egen mall.`);
}

function assertName(name: string): void {
  if (name.trim() === '') throw new MinnesError('template_bad_name', 'Ange ett namn på mallen.');
  if (name.trim().length > 200) throw new MinnesError('template_bad_name', 'Mallens namn får vara högst 200 tecken.');
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
  if (!t) throw new MinnesError('template_not_found', `Det finns ingen mall med nyckeln "${key}".`);
  return t;
}

function requireEditable(db: Db, key: string, verb: string): Template {
  if (isBuiltinKey(key)) {
    throw new MinnesError('template_readonly', `Mallen "${key}" är inbyggd och kan inte ${verb}. Gör en kopia av den i stället.`);
  }
  return requireLiveTemplate(db, key);
}

export function renameTemplate(db: Db, key: string, name: string): Template {
  assertName(name);
  return writeTemplate(db, () => saveTemplate(db, { ...requireEditable(db, key, 'byta namn'), name: name.trim() }));
}

/** A changed template (from the template editor) as the next version of its key, which must exist. */
export function updateTemplate(db: Db, template: unknown): Template {
  const t = validateTemplate(template);
  return writeTemplate(db, () => {
    requireEditable(db, t.key, 'ändras');
    return saveTemplate(db, t);
  });
}

/** A copy under a new key; the way to change a built-in template. */
export function duplicateTemplate(db: Db, key: string, newKey: string, newName: string): Template {
  checkNewTemplate(newKey, newName);
  return writeTemplate(db, () => {
    const source = requireLiveTemplate(db, key);
    if (findLiveTemplate(db, newKey)) throw new MinnesError('template_exists', `Det finns redan en mall med nyckeln "${newKey}".`);
    return saveTemplate(db, { ...source, key: newKey, name: newName.trim() });
  });
}

/** Hides a template that no document (also in the trash) uses; its versions stay for the record. */
export function deleteTemplate(db: Db, key: string): void {
  writeTemplate(db, () => {
    requireEditable(db, key, 'tas bort');
    const use = db.prepare(`SELECT COUNT(*) AS n, COUNT(deleted_at) AS trashed FROM documents WHERE template_key = ?`).get(key) as {
      n: number;
      trashed: number;
    };
    if (use.n > 0) {
      const trash = use.trashed > 0 ? ` (varav ${use.trashed} i papperskorgen)` : '';
      throw new MinnesError('template_in_use', `Mallen används av ${use.n} dokument${trash} och kan inte tas bort.`);
    }
    db.prepare(`UPDATE templates SET deleted_at = ? WHERE key = ? AND deleted_at IS NULL`).run(nowIso(), key);
  });
}
