import type { document as sv } from '../sv/document';

export const document: Record<keyof typeof sv, string> = {};
