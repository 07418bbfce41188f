import { z } from 'zod';
import type { Result } from './result';
import { DocumentIdSchema, DocumentSummarySchema } from './domain';

/**
 * The one IPC contract. Main (ipcMain), the preload (named methods), the browser host (HTTP)
 * and the renderer all derive from this table, so a channel cannot exist in one and not another.
 */
export const contract = {
  appInfo: {
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), dbPath: z.string(), host: z.enum(['electron', 'browser']) }),
  },
  listDocuments: {
    input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    output: z.array(DocumentSummarySchema),
  },
  createDocument: {
    input: z.object({ title: z.string().trim().min(1).max(500).optional() }).strict(),
    output: DocumentSummarySchema,
  },
  getDocument: {
    input: z.object({ id: DocumentIdSchema }).strict(),
    output: DocumentSummarySchema,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes (before defaults) and what a handler receives (after parsing). */
export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type HandlerInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** Implemented once in the core; served by IPC in Electron and by HTTP in the browser host. */
export type Handlers = { [C in Channel]: (input: HandlerInput<C>) => Promise<Output<C>> | Output<C> };

/** What crosses the boundary: `window.minnes` in Electron and the HTTP client both return Results. */
export type TransportApi = { [C in Channel]: (input: CallInput<C>) => Promise<Result<Output<C>>> };

/** What renderer code calls: the same methods, with failures thrown as ApiError. */
export type MinnesApi = { [C in Channel]: (input: CallInput<C>) => Promise<Output<C>> };

export const ipcChannel = (c: Channel): string => `minnes:${c}`;

export function isChannel(s: string): s is Channel {
  return Object.prototype.hasOwnProperty.call(contract, s);
}
