import { templateFromDocument } from '../templates/from-document';
import { deleteTemplate, duplicateTemplate, renameTemplate, updateTemplate } from '../templates/manage';
import { exportTemplateJson, importTemplateJson } from '../templates/template-file';
import type { CoreContext, HandlerGroup } from './context';

type Keys =
  'saveAsTemplate' | 'renameTemplate' | 'updateTemplate' | 'duplicateTemplate' | 'deleteTemplate' | 'exportTemplate' | 'importTemplate';

/** The template manager: templates from minutes, edits as new versions, JSON files in and out. */
export function templateHandlers(ctx: CoreContext): HandlerGroup<Keys> {
  return {
    saveAsTemplate: (input) => templateFromDocument(ctx.db, input.id, input.key, input.name),
    renameTemplate: (input) => renameTemplate(ctx.db, input.key, input.name),
    updateTemplate: (input) => updateTemplate(ctx.db, input.template),
    duplicateTemplate: (input) => duplicateTemplate(ctx.db, input.key, input.newKey, input.newName),
    deleteTemplate: (input) => {
      deleteTemplate(ctx.db, input.key);
      return {};
    },
    exportTemplate: (input) => ({ fileName: `mall-${input.key}.json`, json: exportTemplateJson(ctx.db, input.key) }),
    importTemplate: (input) => importTemplateJson(ctx.db, input.json),
  };
}
