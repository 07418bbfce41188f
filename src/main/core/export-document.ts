import type { ContentEnvelope } from '../../shared/content';
import type { Metadata } from '../../shared/metadata';
import type { Template } from '../../shared/template';
import { VARIABLE_SOURCE, type VariableName } from '../../shared/variables';
import { METADATA_LABELS } from '../../shared/metadata';
import type { Db } from './db';
import { loadDocument } from './document-store';
import { MinnesError } from './errors';
import { buildMinutes } from './model/build-minutes';
import { getTemplate } from './templates/template-repo';

export type ExportFormat = 'docx' | 'pdf' | 'pdfa';

export const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  pdfa: 'application/pdf',
};

function missingMessage(missing: string[]): string {
  const parts = missing.map((name) => {
    const field = VARIABLE_SOURCE[name.toLowerCase() as VariableName];
    return field ? `{{${name}}} (fyll i ${METADATA_LABELS[field]})` : `{{${name}}} (okänd variabel)`;
  });
  return `Kan inte exportera: ${parts.length === 1 ? 'variabeln' : 'variablerna'} ${parts.join(', ')} saknar värde.`;
}

/** Metadata + sections → DOCX or PDF bytes; refuses while any variable lacks a value. */
export async function renderParts(
  metadata: Metadata,
  content: ContentEnvelope,
  template: Template | null,
  format: ExportFormat,
): Promise<Uint8Array> {
  const { model, missing } = buildMinutes(metadata, content, template);
  if (missing.length > 0) throw new MinnesError('missing_variables', missingMessage(missing));
  // Each writer (and pdfkit's fonts) loads on first use, so a command that needs neither starts fast.
  if (format === 'docx') return (await import('./export/docx-writer')).writeDocx(model);
  return (await import('./export/pdf-writer')).writePdf(model, { pdfa: format === 'pdfa' });
}

/** A stored document in the official format. */
export async function exportStored(db: Db, id: string, format: ExportFormat): Promise<{ bytes: Uint8Array; fileName: string }> {
  const doc = loadDocument(db, id);
  let template: Template | null = null;
  if (doc.templateKey) template = getTemplate(db, doc.templateKey, doc.templateVersion ?? undefined);
  const bytes = await renderParts(doc.metadata, doc.content, template, format);
  return { bytes, fileName: exportFileName(doc.metadata, doc.title, format) };
}

/** "2026-06-09 Minnesanteckningar samråd.docx": sortable, and safe on every file system. */
export function exportFileName(m: Metadata, title: string, format: ExportFormat): string {
  const base = `${m.date ? `${m.date} ` : ''}${m.documentType || title}${m.meetingType ? ` ${m.meetingType}` : ''}`;
  const printable = [...base].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const safe =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'minnesanteckningar';
  return `${safe}.${format === 'docx' ? 'docx' : 'pdf'}`;
}
