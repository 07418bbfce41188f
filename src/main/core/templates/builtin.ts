import { TemplateSchema, type Template } from '../../../shared/template';
import { BUILTIN_TEMPLATE_JSON } from './builtin-json';

/** Templates that ship with the app (resources/templates), bundled so no path lookup can fail. Read-only. */
export const BUILTIN_TEMPLATES: readonly Template[] = BUILTIN_TEMPLATE_JSON.map((t) => TemplateSchema.parse(t));
