import { resolve } from 'node:path';
import { exportStored } from '../../core/export-document';
import { writeFileAtomic } from '../../core/files/atomic-write';
import { rawContent } from '../../core/store/raw-content';
import { parse, str } from '../args';
import { UsageError, type CliIo } from '../io';
import { formatOf, warnUndrawable } from '../output';
import { withStore } from '../store';

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
