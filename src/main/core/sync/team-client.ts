import { z } from 'zod';
import { StatusSchema } from '../../../shared/domain';
import { TeamUserSchema } from '../../../shared/team';
import { MinnesError, msg, userError } from '../errors';

/**
 * The team server's small HTTP API (src/server/api.ts) as the app calls it. Every failure becomes
 * one Swedish sentence: the server's own when it answered, ours when it could not be reached.
 */

export const RemoteDocumentSchema = z.object({
  id: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  status: StatusSchema,
  assignments: z.record(z.string(), z.array(z.string())),
  updatedAt: z.string(),
});
export type RemoteDocument = z.infer<typeof RemoteDocumentSchema>;

const SignedInSchema = z.object({ token: z.string(), user: TeamUserSchema });
const ErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class TeamOffline extends MinnesError {
  constructor(serverUrl: string) {
    super('team_offline', msg('errors.team.offline', { url: serverUrl }));
  }
}

type Call = { serverUrl: string; token?: string; method: 'GET' | 'POST' | 'PUT'; path: string; body?: unknown; timeoutMs?: number };

async function call<T>(schema: z.ZodType<T>, { serverUrl, token, method, path, body, timeoutMs = 5000 }: Call): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, serverUrl), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch {
    throw new TeamOffline(serverUrl);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = ErrorSchema.safeParse(json);
    const code = res.status === 401 ? 'team_unauthorized' : 'team_refused';
    // The server's own sentence is Swedish only (src/server); our fallback follows the UI.
    throw new MinnesError(code, e.success ? e.data.error.message : msg('errors.team.status', { status: String(res.status) }));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw userError('team_bad_answer', 'errors.team.notTeamServer', { url: serverUrl });
  return parsed.data;
}

/**
 * The team's template library and series (src/server/library.ts). The template and the series stay
 * unknown here: the handler checks each with the app's own rules and names the one it refuses.
 */
const LibraryEntry = { updatedAt: z.string(), updatedBy: z.string().nullable() };
export const RemoteTemplateSchema = z.object({ key: z.string(), template: z.unknown(), ...LibraryEntry });
export const RemoteSeriesSchema = z.object({ name: z.string(), series: z.unknown(), ...LibraryEntry });

/** A whole library can be a few megabytes; it gets more time than one document's record. */
const LIBRARY_TIMEOUT_MS = 20_000;

export const teamApi = {
  signIn: (serverUrl: string, code: string) => call(SignedInSchema, { serverUrl, method: 'POST', path: '/api/sign-in', body: { code } }),
  users: (serverUrl: string, token: string) => call(z.array(TeamUserSchema), { serverUrl, token, method: 'GET', path: '/api/users' }),
  list: (serverUrl: string, token: string) =>
    call(z.array(RemoteDocumentSchema), { serverUrl, token, method: 'GET', path: '/api/documents' }),
  get: (serverUrl: string, token: string, id: string, timeoutMs?: number) =>
    call(RemoteDocumentSchema, { serverUrl, token, method: 'GET', path: `/api/documents/${encodeURIComponent(id)}`, timeoutMs }),
  put: (serverUrl: string, token: string, id: string, body: { metadata?: Record<string, unknown>; status?: string }) =>
    call(RemoteDocumentSchema, { serverUrl, token, method: 'PUT', path: `/api/documents/${encodeURIComponent(id)}`, body }),
  assign: (serverUrl: string, token: string, id: string, section: string, userIds: string[]) =>
    call(RemoteDocumentSchema, {
      serverUrl,
      token,
      method: 'POST',
      path: `/api/documents/${encodeURIComponent(id)}/assign`,
      body: { section, userIds },
    }),
  templates: (serverUrl: string, token: string) =>
    call(z.array(RemoteTemplateSchema), { serverUrl, token, method: 'GET', path: '/api/templates', timeoutMs: LIBRARY_TIMEOUT_MS }),
  putTemplate: (serverUrl: string, token: string, key: string, template: unknown) =>
    call(RemoteTemplateSchema, { serverUrl, token, method: 'PUT', path: `/api/templates/${encodeURIComponent(key)}`, body: { template } }),
  series: (serverUrl: string, token: string) =>
    call(z.array(RemoteSeriesSchema), { serverUrl, token, method: 'GET', path: '/api/series', timeoutMs: LIBRARY_TIMEOUT_MS }),
  putSeries: (serverUrl: string, token: string, name: string, series: unknown) =>
    call(RemoteSeriesSchema, { serverUrl, token, method: 'PUT', path: `/api/series/${encodeURIComponent(name)}`, body: { series } }),
};
