import { resolve } from 'node:path';
import { MetadataSchema } from '../../../shared/metadata';
import type { Template } from '../../../shared/template';
import { MinnesError } from '../../core/errors';
import { exportStored, renderParts, type ExportFormat } from '../../core/export-document';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { importFile } from '../../core/import';
import { rawContent } from '../../core/store/raw-content';
import { BUILTIN_TEMPLATES } from '../../core/templates/builtin';
import { parse, str } from '../args';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';
import { readInput } from './documents';

function formatOf(out: string, allowZip: boolean): ExportFormat | 'zip' {
  const ext = out.toLowerCase().split('.').pop();
  if (ext === 'docx' || ext === 'pdf') return ext;
  if (allowZip && ext === 'zip') return 'zip';
  throw new UsageError(`--out must end in .docx or .pdf${allowZip ? ' or .zip' : ''}`);
}

function builtinTemplate(key: string): Template {
  const t = BUILTIN_TEMPLATES.find((x) => x.key === key);
  if (!t)
    throw new MinnesError(
      'template_not_found',
      `No built-in template "${key}" (render uses no database; built-in: ${BUILTIN_TEMPLATES.map((x) => x.key).join(', ')}).`,
    );
  return t;
}

/** `render`: a Markdown/text/DOCX file straight to the official format; no database involved. */
export async function renderCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, template: { type: 'string' } }, { min: 1, max: 1 });
  const out = str(values.out);
  if (!out) throw new UsageError('--out <file.docx|file.pdf> is required');
  const format = formatOf(out, false) as ExportFormat;
  const input = positionals[0]!;
  const data = readInput(io, input);
  let template = str(values.template) ? builtinTemplate(str(values.template)!) : undefined;
  let result = await importFile(data, input, template);
  if (!template && result.templateKey) {
    template = builtinTemplate(result.templateKey);
    result = await importFile(data, input, template);
  }
  const metadata = MetadataSchema.safeParse({ ...(template?.defaults ?? {}), ...result.metadata });
  if (!metadata.success) throw new MinnesError('bad_metadata', `Invalid front matter: ${metadata.error.issues[0]?.message ?? ''}`);
  const content = { format: 'minnes/sections' as const, version: 1, sections: result.sections };
  const { bytes, undrawable } = await renderParts(metadata.data, content, template ?? null, format);
  writeFileAtomic(resolve(io.cwd, out), bytes);
  warnUndrawable(io, undrawable);
  return 0;
}

/** `export`: a stored document to DOCX or PDF, or (.zip) the register package of approved minutes. */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } }, { min: 1, max: 1 });
  const out = str(values.out);
  if (!out) throw new UsageError('--out <file.docx|file.pdf|file.zip|file.json> is required');
  // .json: the content exactly as stored, the way out for a document that can no longer be loaded.
  if (out.toLowerCase().endsWith('.json')) {
    const raw = withStore(io, str(values.db), (db) => rawContent(db, positionals[0]!));
    writeFileAtomic(resolve(io.cwd, out), Buffer.from(raw, 'utf8'));
    return 0;
  }
  const format = formatOf(out, true);
  const { bytes, undrawable } = await withStore(io, str(values.db), (db) => exportStored(db, positionals[0]!, format));
  writeFileAtomic(resolve(io.cwd, out), bytes);
  warnUndrawable(io, undrawable);
  return 0;
}

/** The file is written either way; the user learns, on one stderr line, what shows as boxes. */
function warnUndrawable(io: CliIo, undrawable: string[]): void {
  if (undrawable.length === 0) return;
  const chars = undrawable.map((c) => [...c].map((p) => `U+${p.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' '));
  io.stderr(
    `warning: no embedded font can draw ${undrawable.length === 1 ? 'this character' : 'these characters'}: ${chars.join(', ')} (drawn as boxes; the text is kept in the PDF's tags)\n`,
  );
}
