import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CallInput, Channel, Output } from '../../src/shared/contract';
import type { ErrorInfo } from '../../src/shared/result';
import type { Db } from '../../src/main/core/db';
import { dispatch } from '../../src/main/core/dispatch';
import { createHandlers } from '../../src/main/core/handlers';
import { openStore } from '../../src/main/core/store';
import type { SecretBox } from '../../src/main/core/sync/team-account';
import { cliIn } from './run-cli';

/** One person of a team test: their own local store, every call through the app's handler table and dispatch. */
export type Person = {
  db: Db;
  ok: <C extends Channel>(channel: C, input: CallInput<C>) => Promise<Output<C>>;
  refused: <C extends Channel>(channel: C, input: CallInput<C>) => Promise<ErrorInfo>;
};

/** Makes people for one test file and removes their stores afterwards (`cleanUp` in afterAll). */
export function teamPeople(prefix: string, log: string[]) {
  const dirs: string[] = [];
  const stores: Db[] = [];
  const person = (name: string, secrets?: SecretBox): Person => {
    const dir = mkdtempSync(join(tmpdir(), `minnes-${prefix}-${name}-`));
    dirs.push(dir);
    const dbPath = join(dir, 'minnes.sqlite');
    const db = openStore(dbPath);
    stores.push(db);
    const handlers = createHandlers({ db, dbPath, host: 'browser', ...(secrets ? { secrets } : {}) });
    const say = (l: string) => log.push(`${name}: ${l}`);
    return {
      db,
      ok: async (channel, input) => {
        const r = await dispatch(handlers, channel, input, say);
        if (!r.ok) throw new Error(`${name} ${channel} refused: ${r.error.code} ${r.error.message}`);
        return r.value as never;
      },
      refused: async (channel, input) => {
        const r = await dispatch(handlers, channel, input, say);
        if (r.ok) throw new Error(`${name} ${channel} was expected to be refused`);
        return r.error;
      },
    };
  };
  const cleanUp = () => {
    for (const db of stores) db.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  return { person, cleanUp };
}

/** `minnes server user add` through the real CLI: the one-time code it prints. */
export async function addTeamUser(databaseUrl: string, name: string, role: string): Promise<string> {
  const r = await cliIn(process.cwd(), {})('server', 'user', 'add', name, '--role', role, '--database', databaseUrl);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  const code = /inloggningskod (\S+)/.exec(r.stdout)?.[1];
  expect(code, r.stdout).toBeTruthy();
  return code!;
}
