import { z } from 'zod';
import type { MessageText } from './format';

/** A MessageText as a value in the contract (the lock reason of a document, a check's verdict). */
export const MessageTextSchema: z.ZodType<MessageText> = z.lazy(() =>
  z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), MessageTextSchema])).optional() }),
);
