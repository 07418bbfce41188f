import type { ContentEnvelope } from '../../shared/content';
import type { Metadata } from '../../shared/metadata';
import type { Template } from '../../shared/template';
import { VARIABLE_SOURCE, type VariableName } from '../../shared/variables';
import { METADATA_LABELS, type MetadataKey } from '../../shared/metadata';
import type { MessageParam, MessageText } from '../../shared/i18n/format';
import type { Db } from './db';
import { loadDocument } from './document-store';
import { msg, msgList, userError, type MinnesError } from './errors';
import { buildMinutes } from './model/build-minutes';
import { getTemplate } from './templates/template-repo';
import { pluralKey } from '../../shared/i18n/catalogue';

export type ExportFormat = 'docx' | 'pdf' | 'pdfa';

export const MIME: Record<ExportFormat | 'zip', string> = {
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  pdfa: 'application/pdf',
};

const FIELD_LABEL = (field: MetadataKey): MessageText => msg(`meta.${field}` as const);

/** Why the export stops: each variable without a value says which field to fill in. */
export function missingError(missing: string[]): MinnesError {
  const empty: MessageParam[] = [];
  const unknown: MessageParam[] = [];
  for (const name of missing) {
    const field = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
    if (field) empty.push(msg('errors.export.fillIn', { variable: `{{${name}}}`, field: FIELD_LABEL(field) }));
    else unknown.push(`{{${name}}}`);
  }
  if (empty.length > 0 && unknown.length > 0) {
    return userError('missing_variables', 'errors.export.missing.both', {
      empty: msg(pluralKey('errors.export.emptyPart', empty.length), { variables: msgList(empty) }),
      unknown: msg(pluralKey('errors.export.unknownPart', unknown.length), { variables: msgList(unknown) }),
    });
  }
  if (empty.length > 0)
    return userError('missing_variables', pluralKey('errors.export.missing.empty', empty.length), { empty: msgList(empty) });
  return userError('missing_variables', pluralKey('errors.export.missing.unknown', unknown.length), { unknown: msgList(unknown) });
}

/** What a variable without a value looks like in a preview: plainly marked, and saying what to fill in. */
export function previewPlaceholder(name: string): string {
  const field = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
  return field ? `[${METADATA_LABELS[field]} saknas]` : `[okänd variabel {{${name}}}]`;
}

/**
 * Metadata + sections → DOCX or PDF bytes; refuses while any variable lacks a value, except in a
 * preview, which is how one finds what is missing: there they are drawn as marked placeholders.
 * `created` (ISO) pins every timestamp inside the files, so approved minutes export byte for byte the same.
 */
export async function renderParts(
  metadata: Metadata,
  content: ContentEnvelope,
  template: Template | null,
  format: ExportFormat,
  created?: string,
  opts: { preview?: boolean } = {},
): Promise<RenderedFile> {
  const { model, missing } = buildMinutes(metadata, content, template, opts.preview ? { placeholder: previewPlaceholder } : {});
  if (missing.length > 0 && !opts.preview) throw missingError(missing);
  if (created) model.properties.created = created;
  // Each writer (and pdfkit's fonts) loads on first use, so a command that needs neither starts fast.
  if (format === 'docx') return { bytes: await (await import('./export/docx-writer')).writeDocx(model), undrawable: [] };
  return (await import('./export/pdf-writer')).renderPdf(model, { pdfa: format === 'pdfa' });
}

/**
 * An exported file, and the characters the PDF could not draw with any shipped face (drawn as
 * boxes, kept as /ActualText): the export succeeds, and the user is told which ones they were.
 */
export type RenderedFile = { bytes: Uint8Array; undrawable: string[] };

/** One line for the user naming the characters no font could draw, or null when there were none. */
export function undrawableNotice(undrawable: readonly string[]): MessageText | null {
  if (undrawable.length === 0) return null;
  const chars = undrawable
    .slice(0, 20)
    .map((c) => `${c} (U+${[...c].map((p) => p.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ')})`)
    .join(', ');
  if (undrawable.length === 1) return msg('errors.notice.undrawable.one', { chars });
  if (undrawable.length <= 20) return msg('errors.notice.undrawable.other', { chars });
  return msg('errors.notice.undrawable.more', { chars, more: String(undrawable.length - 20) });
}

/** A stored document in the official format, or (zip) as the register package. */
export async function exportStored(
  db: Db,
  id: string,
  format: ExportFormat | 'zip',
  opts: { preview?: boolean } = {},
): Promise<RenderedFile & { fileName: string }> {
  const doc = loadDocument(db, id);
  const template = doc.templateKey ? getTemplate(db, doc.templateKey, doc.templateVersion ?? undefined) : null;
  if (format === 'zip') return (await import('./register/from-document')).registerPackage(db, doc, template);
  // Approved minutes are frozen, so their files are too: the approval time stands in for "now".
  const rendered = await renderParts(doc.metadata, doc.content, template, format, doc.approvedAt ?? undefined, opts);
  return { ...rendered, fileName: exportFileName(doc.metadata, doc.title, format) };
}

/** "2026-06-09 Minnesanteckningar samråd.docx": sortable, and safe on every file system. */
export function exportFileName(m: Metadata, title: string, format: ExportFormat): string {
  const base = `${m.date ? `${m.date} ` : ''}${m.documentType || title}${m.meetingType ? ` ${m.meetingType}` : ''}`;
  return `${safeFileName(base, 'minnesanteckningar')}.${format === 'docx' ? 'docx' : 'pdf'}`;
}

/** A file name every file system accepts: no control characters, no \\ / : * ? " < > |. */
export function safeFileName(text: string, fallback: string, maxLength = 120): string {
  const printable = [...text].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const safe = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
  return safe || fallback;
}
