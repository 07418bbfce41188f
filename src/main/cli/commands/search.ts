import { searchDocuments } from '../../core/search';
import { parse, str } from '../args';
import type { CliIo } from '../io';
import { withStore } from '../store';

/**
 * `minnes search <query> [--json] [--db F]`. Several positionals are one query, so
 * `minnes search återkoppling arenor` needs no quotes; words starting with "-" need `--` first.
 */
export function searchCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, { min: 1, max: Number.MAX_SAFE_INTEGER });
  const hits = withStore(io, str(values.db), (db) => searchDocuments(db, positionals.join(' ')));
  if (values.json) {
    io.stdout(`${JSON.stringify(hits)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    io.stdout('No matches.\n');
    return 0;
  }
  for (const h of hits) {
    io.stdout(`${h.id}  ${h.date ?? '----------'}  ${h.title}\n    ${h.snippet}\n`);
  }
  return 0;
}
