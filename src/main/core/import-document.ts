import { CONTENT_FORMAT, CONTENT_VERSION } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { MetadataSchema } from '../../shared/metadata';
import type { Template } from '../../shared/template';
import { documentTitle } from '../../shared/variables';
import type { Db } from './db';
import { insertDocument } from './document-store';
import { MinnesError } from './errors';
import { importFile } from './import';
import { getTemplate } from './templates/template-repo';

export type ImportOptions = { templateKey?: string; series?: string };

/**
 * The new draft, and what the user should know about how the file was read (Swedish, often none).
 * Always set here; optional so that an ImportedDocument and a DocumentDetail stay interchangeable.
 */
export type ImportedDocument = DocumentDetail & { notices?: string[] };

/**
 * A file (Markdown, plain text like the seed, or .docx) → a new draft. The template comes from
 * the caller, else from the file's front matter, else none (one free-form section).
 */
export async function importIntoStore(db: Db, data: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportedDocument> {
  let template: Template | undefined = opts.templateKey ? getTemplate(db, opts.templateKey) : undefined;
  let result = await importFile(data, fileName, template);
  if (!template && result.templateKey) {
    template = getTemplate(db, result.templateKey);
    result = await importFile(data, fileName, template);
  }
  const parsed = MetadataSchema.safeParse({
    ...(template?.defaults ?? {}),
    ...result.metadata,
    ...(opts.series ? { series: opts.series } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MinnesError('bad_metadata', `Uppgiften ${issue?.path.join('.') ?? ''} i filen är ogiltig: ${issue?.message ?? ''}`);
  }
  // A title that is what the template would write anyway keeps following the template (and the date).
  const metadata = parsed.data;
  if (template && metadata.title && documentTitle(template.titlePattern, { ...metadata, title: '' }).text === metadata.title)
    metadata.title = '';
  const doc = insertDocument(db, {
    metadata,
    content: { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: result.sections },
    template: template ?? null,
  });
  return { ...doc, notices: result.notices };
}
