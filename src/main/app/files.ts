import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { DesktopFiles } from '../core/handlers';

const FILTERS = {
  docx: [{ name: 'Word-dokument', extensions: ['docx'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  zip: [{ name: 'Diariepaket (zip)', extensions: ['zip'] }],
};

/** Native dialogs live in main: the renderer never sees or chooses a path itself. */
export const desktopFiles: DesktopFiles = {
  chooseSavePath: async (suggestedName, format) => {
    const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const options = { title: 'Exportera', defaultPath: join(app.getPath('documents'), suggestedName), filters: FILTERS[format] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  showInFolder: (path) => shell.showItemInFolder(path),
};
