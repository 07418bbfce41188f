import { CONTENT_FORMAT, CONTENT_VERSION, type ContentEnvelope } from '../../shared/content';
import type { DocumentDetail } from '../../shared/document';
import { MetadataSchema, type Metadata } from '../../shared/metadata';
import type { Template } from '../../shared/template';
import { documentTitle } from '../../shared/variables';
import type { Db } from './db';
import { insertDocument } from './document-store';
import { userError } from './errors';
import { importFile } from './import';
import { getTemplate } from './templates/template-repo';
import type { MessageText } from '../../shared/i18n/format';

export type ImportOptions = { templateKey?: string; series?: string };

/**
 * The new draft, and what the user should know about how the file was read (Swedish, often none).
 * Always set here; optional so that an ImportedDocument and a DocumentDetail stay interchangeable.
 */
export type ImportedDocument = DocumentDetail & { notices?: MessageText[] };

/** What an import will store: computed without writing, so a worker can do it on its own read-only connection. */
export type PreparedImport = { metadata: Metadata; content: ContentEnvelope; template: Template | null; notices: MessageText[] };

/**
 * A file (Markdown, plain text like the seed, or .docx) → a new draft. The template comes from
 * the caller, else from the file's front matter, else none (one free-form section).
 */
export async function importIntoStore(db: Db, data: Buffer, fileName: string, opts: ImportOptions = {}): Promise<ImportedDocument> {
  return storeImport(db, await prepareImport(db, data, fileName, opts));
}

/** The short write that ends an import (one transaction). */
export function storeImport(db: Db, prepared: PreparedImport): ImportedDocument {
  const doc = insertDocument(db, { metadata: prepared.metadata, content: prepared.content, template: prepared.template });
  return { ...doc, notices: prepared.notices };
}

/** Parsing and sectioning: the slow part of an import, which only reads the store (templates). */
export async function prepareImport(db: Db, data: Buffer, fileName: string, opts: ImportOptions = {}): Promise<PreparedImport> {
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
    throw userError('bad_metadata', 'errors.import.badMetadata', { path: issue?.path.join('.') ?? '', detail: issue?.message ?? '' });
  }
  // A title that is what the template would write anyway keeps following the template (and the date).
  const metadata = parsed.data;
  if (template && metadata.title && documentTitle(template.titlePattern, { ...metadata, title: '' }).text === metadata.title)
    metadata.title = '';
  return {
    metadata,
    content: { format: CONTENT_FORMAT, version: CONTENT_VERSION, sections: result.sections },
    template: template ?? null,
    notices: result.notices,
  };
}
