import type { ExportFormat } from '../core/export-document';
import { UsageError, type CliIo } from './io';

/** The format `--out` asks for, from its extension. */
export function formatOf(out: string, allowZip: boolean): ExportFormat | 'zip' {
  const ext = out.toLowerCase().split('.').pop();
  if (ext === 'docx' || ext === 'pdf') return ext;
  if (allowZip && ext === 'zip') return 'zip';
  throw new UsageError(`--out must end in .docx or .pdf${allowZip ? ' or .zip' : ''}`);
}

/** The file is written either way; the user learns, on one stderr line, what shows as boxes. */
export function warnUndrawable(io: CliIo, undrawable: string[]): void {
  if (undrawable.length === 0) return;
  const chars = undrawable.map((c) => [...c].map((p) => `U+${p.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' '));
  io.stderr(
    `warning: no embedded font can draw ${undrawable.length === 1 ? 'this character' : 'these characters'}: ${chars.join(', ')} (drawn as boxes; the text is kept in the PDF's tags)\n`,
  );
}
