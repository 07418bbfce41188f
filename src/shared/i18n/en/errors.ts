import type { errors as sv } from '../sv/errors';

export const errors: Record<keyof typeof sv, string> = {
  'errors.internal': 'An unexpected error occurred. Nothing was saved by the action.',
  'errors.package.dnrMissing': 'The package needs a registration number: register the minutes first.',
  'errors.package.secrecy': 'Cannot make the package: {problem}',
};
