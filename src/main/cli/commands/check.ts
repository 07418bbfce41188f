import { damaged } from '../../core/store/open-errors';
import { quickCheckOk } from '../../core/store/integrity';
import { parse, str } from '../args';
import type { CliIo } from '../io';
import { withStore } from '../store';

/** `minnes check`: the whole-file check that an ordinary open no longer runs (exit 1 when damaged). */
export function checkCommand(args: string[], io: CliIo): number {
  const { values } = parse(args, {}, { min: 0, max: 0 });
  return withStore(io, str(values.db), (db, path) => {
    if (!quickCheckOk(db)) {
      io.stderr(`minnes: ${damaged(path).message}\n`);
      return 1;
    }
    io.stdout(`${path}: ok\n`);
    return 0;
  });
}
