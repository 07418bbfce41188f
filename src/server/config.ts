import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** Wrong usage of `minnes server …`: the CLI turns it into exit 2 with the usage text. */
export class ServerUsageError extends Error {}

export type TlsFiles = { cert: Buffer; key: Buffer };

export type ServerConfig = {
  databaseUrl: string;
  port: number;
  /** Where to listen; 127.0.0.1 unless asked, so a trial server is never on the network by accident. */
  host: string;
  tls: TlsFiles | null;
};

export const DEFAULT_PORT = 5200;
export const DEFAULT_HOST = '127.0.0.1';

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[], options: Record<string, { type: 'string' }>): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new ServerUsageError(e instanceof Error ? e.message : String(e));
  }
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** --database, else DATABASE_URL; only postgres:// URLs, so a typo never reaches the driver as a host name. */
export function databaseUrl(value: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = value ?? env.DATABASE_URL;
  if (!url) throw new ServerUsageError('no database: give --database postgres://… or set DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ServerUsageError(`--database must be a postgres:// URL, not '${url}'`);
  return url;
}

function port(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new ServerUsageError(`--port must be a number from 0 to 65535, not '${value}'`);
  return n;
}

function tls(cert: string | undefined, key: string | undefined): TlsFiles | null {
  if (!cert && !key) return null;
  if (!cert || !key) throw new ServerUsageError('TLS needs both --cert and --key');
  try {
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (e) {
    throw new ServerUsageError(`cannot read the TLS files: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `minnes server [--port N] [--host H] [--cert F --key F] [--database URL]` */
export function parseRunArgs(args: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values, positionals } = parse(args, {
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
  });
  if (positionals.length > 0) throw new ServerUsageError(`unexpected argument: ${positionals[0]}`);
  return {
    databaseUrl: databaseUrl(str(values.database), env),
    port: port(str(values.port)),
    host: str(values.host) ?? DEFAULT_HOST,
    tls: tls(str(values.cert), str(values.key)),
  };
}

export type TrialConfig = {
  /** The local PostgreSQL's folder; kept between runs, so the trial carries on where it was. */
  dataDir: string;
  port: number;
};

/** $XDG_DATA_HOME/minnes-team-trial, else ~/.local/share/minnes-team-trial. */
export function defaultTrialDir(env: NodeJS.ProcessEnv, uid = process.getuid?.()): string {
  // Root's home is closed to the postgres user that must own the cluster; /var/lib is where services keep data.
  if (uid === 0 && !env.XDG_DATA_HOME) return '/var/lib/minnes-team-trial';
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'minnes-team-trial');
}

/** `minnes server trial [--data DIR] [--port N]`: always on 127.0.0.1, without TLS. */
export function parseTrialArgs(args: string[], env: NodeJS.ProcessEnv): TrialConfig {
  const { values, positionals } = parse(args, { data: { type: 'string' }, port: { type: 'string' } });
  if (positionals.length > 0) throw new ServerUsageError(`unexpected argument: ${positionals[0]}`);
  const data = str(values.data);
  if (data !== undefined && !data.trim()) throw new ServerUsageError('--data needs a folder');
  return { dataDir: resolve(data ?? defaultTrialDir(env)), port: port(str(values.port)) };
}

export const ROLES = ['sekreterare', 'rapportör'] as const;
export type Role = (typeof ROLES)[number];

/** "rapportor" is accepted for keyboards and shells where ö is awkward. */
export function parseRole(value: string | undefined): Role {
  const v = value === 'rapportor' ? 'rapportör' : value;
  const role = ROLES.find((r) => r === v);
  if (!role) throw new ServerUsageError(`--role must be sekreterare or rapportör, not '${value ?? ''}'`);
  return role;
}

/** `minnes server user add "<name>" --role sekreterare|rapportör [--database URL]` */
export function parseUserAddArgs(args: string[], env: NodeJS.ProcessEnv): { databaseUrl: string; name: string; role: Role } {
  const { values, positionals } = parse(args, { database: { type: 'string' }, role: { type: 'string' } });
  if (positionals.length !== 1) throw new ServerUsageError('user add takes one name, in quotes: user add "Karin Åström" --role …');
  const name = positionals[0]!.trim();
  if (!name || name.length > 200) throw new ServerUsageError('the name must be 1 to 200 characters');
  return { databaseUrl: databaseUrl(str(values.database), env), name, role: parseRole(str(values.role)) };
}
