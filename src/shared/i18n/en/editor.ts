import type { editor as sv } from '../sv/editor';

export const editor: Record<keyof typeof sv, string> = {};
