import type { documents as sv } from '../sv/documents';

export const documents: Record<keyof typeof sv, string> = {};
