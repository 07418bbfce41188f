import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { Role } from './config';
import { transaction } from './db';

export type User = { id: string; name: string; role: Role };

/** How long a sign-in code from `minnes server user add` can be exchanged for a token. */
export const SIGN_IN_CODE_HOURS = 72;

// Crockford's base32 without I, L, O and U: a code read aloud or typed from paper has no 0/O or 1/l mix-up.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Only hashes are stored: a copy of the database signs no one in. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 12 characters, about 60 bits, in groups of four: "K7QH-2MXD-9PRA". */
function newCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** As typed: case, spaces and dashes do not matter. */
function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** Adds a person and returns their one-time sign-in code (only ever shown here). */
export async function addUser(pool: Pool, name: string, role: Role): Promise<{ user: User; code: string; expiresAt: Date }> {
  const user: User = { id: randomUUID(), name, role };
  const code = newCode();
  const expiresAt = new Date(Date.now() + SIGN_IN_CODE_HOURS * 3600_000);
  await transaction(pool, async (client) => {
    await client.query('INSERT INTO users (id, name, role) VALUES ($1, $2, $3)', [user.id, name, role]);
    await client.query('INSERT INTO sign_in_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      sha256(normalizeCode(code)),
      user.id,
      expiresAt,
    ]);
  });
  return { user, code, expiresAt };
}

/**
 * Exchanges a sign-in code for a token, once: the UPDATE … WHERE used_at IS NULL claims the code
 * atomically, so two requests with the same code cannot both succeed. A new token replaces the
 * person's previous one. Returns null for a wrong, used or expired code (never saying which).
 */
export async function redeemCode(pool: Pool, code: string): Promise<{ user: User; token: string } | null> {
  return transaction(pool, async (client) => {
    const claimed = await client.query<{ user_id: string }>(
      'UPDATE sign_in_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id',
      [sha256(normalizeCode(code))],
    );
    const userId = claimed.rows[0]?.user_id;
    if (!userId) return null;
    // The user id in front lets the check find the row by key and then compare hashes in constant time.
    const token = `${userId}.${randomBytes(32).toString('base64url')}`;
    const { rows } = await client.query<User>('UPDATE users SET token_hash = $2 WHERE id = $1 RETURNING id, name, role', [
      userId,
      sha256(token),
    ]);
    const user = rows[0];
    return user ? { user, token } : null;
  });
}

/** The person a bearer token belongs to, or null. */
export async function userByToken(pool: Pool, token: string): Promise<User | null> {
  const dot = token.indexOf('.');
  const id = dot > 0 ? token.slice(0, dot) : '';
  if (!/^[0-9a-f-]{36}$/.test(id) || token.length > 200) return null;
  const { rows } = await pool.query<User & { token_hash: string | null }>('SELECT id, name, role, token_hash FROM users WHERE id = $1', [
    id,
  ]);
  const row = rows[0];
  if (!row?.token_hash) return null;
  const given = Buffer.from(sha256(token), 'hex');
  const stored = Buffer.from(row.token_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return { id: row.id, name: row.name, role: row.role };
}

export async function listUsers(pool: Pool): Promise<User[]> {
  const { rows } = await pool.query<User>('SELECT id, name, role FROM users ORDER BY name');
  return rows;
}
