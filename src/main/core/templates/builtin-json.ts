import samrad from '../../../../resources/templates/samrad.json';
import fritt from '../../../../resources/templates/fritt.json';

/**
 * The shipped templates as the JSON files hold them, unvalidated: what every store open needs to
 * make sure they are present, without loading zod and the shared schemas (builtin.ts validates them
 * for everything that reads a template; a test checks both give the same definitions).
 */
export const BUILTIN_TEMPLATE_JSON: readonly { key: string; version: number; name: string }[] = [samrad, fritt];
