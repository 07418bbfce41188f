import { TeamUserSchema, type TeamAccount, type TeamUser } from '../../../shared/team';
import type { Db } from '../db';
import { userError } from '../errors';

/**
 * How a host keeps the sign-in token: Electron seals it with the OS keychain (`safeStorage`); the
 * browser host and the CLI have none and keep it in the user's own database file.
 */
export type SecretBox = { seal: (plain: string) => string; open: (sealed: string) => string };

type Row = { server_url: string; user_json: string; token: string; sealed: 0 | 1 };

/** The websocket next to the API: same host and port, ws for http and wss for https. */
export function syncUrlOf(serverUrl: string): string {
  const u = new URL(serverUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = '/sync';
  return u.toString();
}

export function readAccount(db: Db, secrets?: SecretBox): TeamAccount | null {
  const row = db.prepare(`SELECT server_url, user_json, token, sealed FROM team_account WHERE id = 1`).get() as Row | undefined;
  if (!row) return null;
  const user = TeamUserSchema.safeParse(JSON.parse(row.user_json));
  if (!user.success) return null;
  let token: string;
  if (row.sealed === 1) {
    if (!secrets) throw userError('team_token_sealed', 'errors.team.tokenSealed');
    token = secrets.open(row.token);
  } else token = row.token;
  return { serverUrl: row.server_url, syncUrl: syncUrlOf(row.server_url), user: user.data, token };
}

export function saveAccount(db: Db, account: { serverUrl: string; user: TeamUser; token: string }, secrets?: SecretBox): TeamAccount {
  db.prepare(
    `INSERT INTO team_account (id, server_url, user_json, token, sealed) VALUES (1, @serverUrl, @user, @token, @sealed)
     ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, user_json = excluded.user_json, token = excluded.token, sealed = excluded.sealed`,
  ).run({
    serverUrl: account.serverUrl,
    user: JSON.stringify(account.user),
    token: secrets ? secrets.seal(account.token) : account.token,
    sealed: secrets ? 1 : 0,
  });
  return { ...account, syncUrl: syncUrlOf(account.serverUrl) };
}

export function clearAccount(db: Db): void {
  db.prepare(`DELETE FROM team_account`).run();
}

export function requireAccount(db: Db, secrets?: SecretBox): TeamAccount {
  const account = readAccount(db, secrets);
  if (!account) throw userError('team_signed_out', 'errors.team.signedOut');
  return account;
}
