import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { z } from 'zod';
import { DocumentIdSchema, StatusSchema } from '../shared/domain';
import { checkContentBounds } from '../shared/limits';
import { SlugSchema } from '../shared/template';
import { describeDbError, type Log } from './db';
import { assignSection, getDocument, listDocuments, putDocument, Refusal } from './documents';
import { listSharedSeries, listSharedTemplates, putSharedSeries, putSharedTemplate } from './library';
import { listUsers, redeemCode, userByToken, type User } from './users';

/**
 * The small HTTP API next to the websocket, for what the team shares that is not rich text:
 *
 *   POST /api/sign-in {code}                          → {token, user}   (no token needed)
 *   GET  /api/me                                      → user
 *   GET  /api/users                                   → [user]          (sekreterare)
 *   GET  /api/documents                               → [document]      (newest first, at most 500)
 *   GET  /api/documents/:id                           → document
 *   PUT  /api/documents/:id {metadata?, status?}      → document        (sekreterare)
 *   POST /api/documents/:id/assign {section, userIds} → document        (sekreterare)
 *   GET  /api/templates                               → [{key, template, updatedAt, updatedBy}]
 *   PUT  /api/templates/:key {template}               → {key, template, …} (sekreterare; not a built-in key: 409)
 *   GET  /api/series                                  → [{name, series, updatedAt, updatedBy}]
 *   PUT  /api/series/:name {series}                   → {name, series, …}  (sekreterare)
 *
 * Everything else takes `Authorization: Bearer <token>`. Errors are {error: {code, message}}.
 * The template library and the series are src/server/library.ts: the body's key or name must be
 * the one in the address, and every body is at most MAX_BODY_BYTES and checked by the app's schemas.
 */

/** Metadata is a handful of fields, a template a few kilobytes; this is far above both and far below what would hurt the server. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SignInSchema = z.object({ code: z.string().min(1).max(100) });
const PutSchema = z
  .object({ metadata: z.record(z.string(), z.unknown()).optional(), status: StatusSchema.optional() })
  .refine((v) => v.metadata === undefined || checkContentBounds(v.metadata).ok, 'Mötesuppgifterna är för stora eller för djupt nästlade.');
const AssignSchema = z.object({ section: SlugSchema, userIds: z.array(z.string().max(64)).max(100) });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', `Högst ${MAX_BODY_BYTES} byte per anrop.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'too_large', `Högst ${MAX_BODY_BYTES} byte per anrop.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'bad_json', 'Anropet är inte giltig JSON.');
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, 'bad_request', r.error.issues.map((i) => i.message).join('; '));
  return r.data;
}

async function signedIn(pool: Pool, req: IncomingMessage): Promise<User> {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  const user = m?.[1] ? await userByToken(pool, m[1]) : null;
  if (!user) throw new HttpError(401, 'unauthorized', 'Ogiltig eller utgången inloggning.');
  return user;
}

/** A path segment as sent; a malformed %-escape is the caller's mistake, not the server's. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'bad_request', 'Adressen är felaktigt kodad.');
  }
}

type Route = { method: string; path: string };

async function route(pool: Pool, req: IncomingMessage, { method, path }: Route, onChange: (id: string) => Promise<void>): Promise<unknown> {
  if (method === 'POST' && path === '/api/sign-in') {
    const { code } = parseWith(SignInSchema, await readJson(req));
    const signed = await redeemCode(pool, code);
    if (!signed) throw new HttpError(401, 'bad_code', 'Koden är fel, redan använd eller för gammal: be sekreteraren om en ny.');
    return signed;
  }
  const user = await signedIn(pool, req);
  if (method === 'GET' && path === '/api/me') return user;
  if (method === 'GET' && path === '/api/users') {
    if (user.role !== 'sekreterare') throw new HttpError(403, 'forbidden', 'Bara en sekreterare ser listan över personer.');
    return listUsers(pool);
  }
  if (method === 'GET' && path === '/api/documents') return listDocuments(pool);
  if (method === 'GET' && path === '/api/templates') return listSharedTemplates(pool);
  if (method === 'GET' && path === '/api/series') return listSharedSeries(pool);
  const lib = /^\/api\/(templates|series)\/([^/]+)$/.exec(path);
  if (lib && method === 'PUT') {
    const put = lib[1] === 'templates' ? putSharedTemplate : putSharedSeries;
    return put(pool, user, decoded(lib[2]!), () => readJson(req));
  }
  const m = /^\/api\/documents\/([^/]+)(\/assign)?$/.exec(path);
  const id = m ? parseWith(DocumentIdSchema, decodeURIComponent(m[1]!)) : null;
  if (id && !m?.[2] && method === 'GET') {
    const doc = await getDocument(pool, id);
    if (!doc) throw new HttpError(404, 'not_found', 'Dokumentet finns inte på servern.');
    return doc;
  }
  if (id && !m?.[2] && method === 'PUT') {
    const doc = await putDocument(pool, user, id, parseWith(PutSchema, await readJson(req)));
    await onChange(id);
    return doc;
  }
  if (id && m?.[2] && method === 'POST') {
    const { section, userIds } = parseWith(AssignSchema, await readJson(req));
    const doc = await assignSection(pool, user, id, section, userIds);
    await onChange(id);
    return doc;
  }
  throw new HttpError(404, 'not_found', `Inget sådant anrop: ${method} ${path}`);
}

/**
 * Answers a request under /api/ and returns true, or returns false for other paths. Never
 * throws: a refusal is a 4xx with a sentence, a database that is away a 503, anything else a 500.
 */
export function createApi(pool: Pool, log: Log, onChange: (documentId: string) => Promise<void>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/api' && !path.startsWith('/api/')) return false;
    try {
      send(res, 200, await route(pool, req, { method: req.method ?? 'GET', path }, onChange));
    } catch (e) {
      if (e instanceof HttpError) send(res, e.status, { error: { code: e.code, message: e.message } });
      else if (e instanceof Refusal) send(res, e.status, { error: { code: 'refused', message: e.message } });
      else if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string') {
        log(`api ${req.method} ${path}: ${describeDbError(e)}`);
        send(res, 503, { error: { code: 'database', message: 'Servern når inte sin databas just nu; försök igen om en stund.' } });
      } else {
        log(`api ${req.method} ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        send(res, 500, { error: { code: 'internal', message: 'Något gick fel på servern.' } });
      }
    }
    return true;
  };
}
