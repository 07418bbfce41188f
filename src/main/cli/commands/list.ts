import type { DocumentListItem } from '../../../shared/document';
import { listDocumentPage } from '../../core/store/list-page';
import { parse, str } from '../args';
import { UsageError, type CliIo } from '../io';
import { withStore } from '../store';

/** Read from the store a page at a time, so that years of minutes are never all in memory at once. */
const PAGE = 500;

function limitOf(v: string | undefined): number {
  if (v === undefined) return Infinity;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit must be a whole number of 1 or more');
  return n;
}

const line = (d: DocumentListItem) => `${d.id}  ${d.meetingDate ?? '----------'}  ${d.status.padEnd(11)}  ${d.title}\n`;

export function listCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { json: { type: 'boolean' }, limit: { type: 'string' } }, { min: 0, max: 0 });
  const limit = limitOf(str(values.limit));
  const json = values.json === true;
  const written = withStore(io, str(values.db), (db) => {
    let n = 0;
    let after: string | undefined;
    if (json) io.stdout('[');
    do {
      const page = listDocumentPage(db, { limit: Math.min(PAGE, limit - n), overview: false, ...(after === undefined ? {} : { after }) });
      for (const d of page.items) io.stdout(json ? `${n++ === 0 ? '' : ','}${JSON.stringify(d)}` : (n++, line(d)));
      after = page.next ?? undefined;
    } while (after !== undefined && n < limit);
    if (json) io.stdout(']\n');
    return n;
  });
  if (written === 0 && !json) io.stdout('No documents.\n');
  return 0;
}
