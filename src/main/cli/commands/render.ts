import { resolve } from 'node:path';
import { MetadataSchema } from '../../../shared/metadata';
import type { Template } from '../../../shared/template';
import { MinnesError } from '../../core/errors';
import { renderParts, type ExportFormat } from '../../core/export-document';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { importFile } from '../../core/import';
import { BUILTIN_TEMPLATES } from '../../core/templates/builtin';
import { parse, str } from '../args';
import { readInput } from '../input';
import { UsageError, type CliIo } from '../io';
import { formatOf, warnUndrawable } from '../output';

function builtinTemplate(key: string): Template {
  const t = BUILTIN_TEMPLATES.find((x) => x.key === key);
  if (!t)
    throw new MinnesError(
      'template_not_found',
      `No built-in template "${key}" (render uses no database; built-in: ${BUILTIN_TEMPLATES.map((x) => x.key).join(', ')}).`,
    );
  return t;
}

/**
 * `render`: a Markdown/text/DOCX file straight to the official format. It touches no database,
 * so this file must not import the store: that would load the SQLite driver for nothing.
 */
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
