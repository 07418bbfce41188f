import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { translate, type MessageKey } from '../../shared/i18n/catalogue';
import type { UiLanguage } from '../../shared/i18n/languages';

/**
 * The application menu in the UI's language, built again when the language changes; every item
 * is a built-in role, so nothing here reaches the core.
 */
export function installMenu(lang: UiLanguage): void {
  const l = (key: MessageKey) => translate(lang, key);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'Minnes',
            submenu: [{ role: 'about', label: l('menu.about') }, { type: 'separator' }, { role: 'quit', label: l('menu.quitApp') }],
          } as MenuItemConstructorOptions,
        ]
      : []),
    { label: l('menu.file'), submenu: [isMac ? { role: 'close', label: l('menu.closeWindow') } : { role: 'quit', label: l('menu.quit') }] },
    {
      label: l('menu.edit'),
      submenu: [
        { role: 'undo', label: l('menu.undo') },
        { role: 'redo', label: l('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: l('menu.cut') },
        { role: 'copy', label: l('menu.copy') },
        { role: 'paste', label: l('menu.paste') },
        { role: 'selectAll', label: l('menu.selectAll') },
      ],
    },
    {
      label: l('menu.view'),
      submenu: [
        { role: 'resetZoom', label: l('menu.resetZoom') },
        { role: 'zoomIn', label: l('menu.zoomIn') },
        { role: 'zoomOut', label: l('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l('menu.fullscreen') },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: l('menu.devTools') } as MenuItemConstructorOptions]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
