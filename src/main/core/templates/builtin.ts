import samrad from '../../../../resources/templates/samrad.json';
import fritt from '../../../../resources/templates/fritt.json';
import { TemplateSchema, type Template } from '../../../shared/template';

/** Templates that ship with the app (resources/templates), bundled so no path lookup can fail. Read-only. */
export const BUILTIN_TEMPLATES: readonly Template[] = [samrad, fritt].map((t) => TemplateSchema.parse(t));
