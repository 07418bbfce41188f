import type { Db } from '../db';

/**
 * The whole-file check (quick_check reads every page). It runs where it can matter — after an
 * unclean shutdown, on a backup before it is restored, on demand and at idle — never on the normal
 * open path, where it would cost seconds on years of minutes.
 */

let runs = 0;

/** How many whole-file checks this process has run: lets tests see that a clean open runs none. */
export function integrityChecksRun(): number {
  return runs;
}

export function quickCheckOk(db: Db): boolean {
  runs++;
  return db.pragma('quick_check(1)', { simple: true }) === 'ok';
}
