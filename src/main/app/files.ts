import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { translate } from '../../shared/i18n/catalogue';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { DesktopFiles } from '../core/handlers';

const FILTERS = { docx: ['docx', 'saveDialog.docx'], pdf: ['pdf', 'saveDialog.pdf'], zip: ['zip', 'saveDialog.zip'] } as const;

/** Native dialogs live in main: the renderer never sees or chooses a path itself. They speak the UI's language. */
export function desktopFiles(language: () => UiLanguage): DesktopFiles {
  return {
    chooseSavePath: async (suggestedName, format) => {
      const lang = language();
      const [extension, name] = FILTERS[format];
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = {
        title: translate(lang, 'saveDialog.title'),
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: translate(lang, name), extensions: [extension] }],
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  };
}
