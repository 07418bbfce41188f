import type { Template } from '../../../shared/template';
import type { Db } from '../db';
import { userError } from '../errors';
import { assertUserKey, requireLiveTemplate, validateTemplate, writeTemplate } from './manage';
import { saveTemplate } from './template-repo';

/**
 * Template files (.json) for sharing a template between units or computers. A file is the
 * template itself, with its format, formatVersion and version, so it is read by the same schema.
 */

/** Far more than any real template (the schema allows 100 sections); a bigger file is not one. */
export const MAX_TEMPLATE_FILE_BYTES = 1024 * 1024;

/** The newest version of a template as pretty JSON (ends with a newline). */
export function exportTemplateJson(db: Db, key: string): string {
  return `${JSON.stringify(requireLiveTemplate(db, key), null, 2)}\n`;
}

export type ImportTemplateOptions = {
  /** Store it under this key instead of the file's (e.g. when the file's key is a built-in one). */
  key?: string;
  /** Give it this name instead of the file's. */
  name?: string;
};

/**
 * A template file → the next version of its key in the store. Everything is checked before the one
 * insert, so a file that is refused leaves the store as it was.
 */
export function importTemplateJson(db: Db, text: string, opts: ImportTemplateOptions = {}): Template {
  if (Buffer.byteLength(text, 'utf8') > MAX_TEMPLATE_FILE_BYTES) {
    throw userError('template_file_too_large', 'errors.template.fileTooLarge');
  }
  let data: unknown;
  try {
    // A byte order mark is what some Windows editors put first; JSON.parse does not accept it.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw userError('template_not_json', 'errors.template.notJson');
  }
  const parsed = validateTemplate(data);
  const template: Template = {
    ...parsed,
    ...(opts.key !== undefined ? { key: opts.key } : {}),
    ...(opts.name !== undefined ? { name: opts.name.trim() } : {}),
  };
  assertUserKey(template.key);
  // The name from opts has not been through the schema yet.
  const checked = validateTemplate(template);
  return writeTemplate(db, () => saveTemplate(db, checked));
}
