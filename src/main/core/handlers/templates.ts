import { templateFromDocument } from '../templates/from-document';
import { deleteTemplate, duplicateTemplate, renameTemplate, updateTemplate } from '../templates/manage';
import { exportTemplateJson, importTemplateJson } from '../templates/template-file';
import type { CoreContext, HandlerGroup } from './context';

type Keys =
  'saveAsTemplate' | 'renameTemplate' | 'updateTemplate' | 'duplicateTemplate' | 'deleteTemplate' | 'exportTemplate' | 'importTemplate';

/** The template manager: templates from minutes, edits as new versions, JSON files in and out. */
export function templateHandlers({ db }: CoreContext): HandlerGroup<Keys> {
  return {
    saveAsTemplate: (input) => templateFromDocument(db, input.id, input.key, input.name),
    renameTemplate: (input) => renameTemplate(db, input.key, input.name),
    updateTemplate: (input) => updateTemplate(db, input.template),
    duplicateTemplate: (input) => duplicateTemplate(db, input.key, input.newKey, input.newName),
    deleteTemplate: (input) => {
      deleteTemplate(db, input.key);
      return {};
    },
    exportTemplate: (input) => ({ fileName: `mall-${input.key}.json`, json: exportTemplateJson(db, input.key) }),
    importTemplate: (input) => importTemplateJson(db, input.json),
  };
}
