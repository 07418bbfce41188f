import { listDocuments } from '../../core/documents-repo';
import { parse, str } from '../args';
import type { CliIo } from '../io';
import { withStore } from '../store';

export function listCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, { json: { type: 'boolean' } }, { min: 0, max: 0 });
  const docs = withStore(io, str(values.db), (db) => listDocuments(db));
  if (values.json) {
    io.stdout(`${JSON.stringify(docs)}\n`);
    return 0;
  }
  if (docs.length === 0) {
    io.stdout('No documents.\n');
    return 0;
  }
  for (const d of docs) {
    io.stdout(`${d.id}  ${d.meetingDate ?? '----------'}  ${d.status.padEnd(11)}  ${d.title}\n`);
  }
  return 0;
}
