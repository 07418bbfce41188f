import type { Handlers } from '../../../shared/contract';
import type { Db, OpenOptions } from '../db';
import { userError } from '../errors';
import type { JobRunner } from '../jobs/runner';
import type { SecretBox } from '../sync/team-account';

/** What only a desktop host can do: native save dialogs and the file manager. */
export type DesktopFiles = {
  /** Asks where to save; null when the user cancels. */
  chooseSavePath: (suggestedName: string, format: 'docx' | 'pdf' | 'zip') => Promise<string | null>;
  showInFolder: (path: string) => void;
};

/**
 * What every handler works on. `db` is read at each call (never captured), because restoring
 * a backup closes the database and opens the restored one in its place.
 */
export type CoreContext = {
  db: Db;
  dbPath: string;
  host: 'electron' | 'browser';
  files?: DesktopFiles;
  /** How this host opens the store (Electron passes its own better-sqlite3 build). */
  openOptions?: OpenOptions;
  /** Where heavy work runs off this thread; without it (the CLI) it runs in line. */
  jobs?: JobRunner;
  /** Seals the team sign-in token (Electron's safeStorage); without it the token is kept as is. */
  secrets?: SecretBox;
};

/** A slice of the handler table; the slices together must cover the whole contract. */
export type HandlerGroup<K extends keyof Handlers> = Pick<Handlers, K>;

export function desktopOnly(): never {
  throw userError('not_available', 'errors.desktopOnly');
}
