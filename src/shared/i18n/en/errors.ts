import type { errors as sv } from '../sv/errors';

export const errors: Record<keyof typeof sv, string> = {
  'errors.internal': 'An unexpected error occurred. Nothing was saved by the action.',
};
