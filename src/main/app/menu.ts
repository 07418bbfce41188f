import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/** The application menu in Swedish; every item is a built-in role, so nothing here reaches the core. */
export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'Minnes',
            submenu: [{ role: 'about', label: 'Om Minnes' }, { type: 'separator' }, { role: 'quit', label: 'Avsluta Minnes' }],
          } as MenuItemConstructorOptions,
        ]
      : []),
    { label: 'Arkiv', submenu: [isMac ? { role: 'close', label: 'Stäng fönster' } : { role: 'quit', label: 'Avsluta' }] },
    {
      label: 'Redigera',
      submenu: [
        { role: 'undo', label: 'Ångra' },
        { role: 'redo', label: 'Gör om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopiera' },
        { role: 'paste', label: 'Klistra in' },
        { role: 'selectAll', label: 'Markera allt' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        { role: 'resetZoom', label: 'Normal storlek' },
        { role: 'zoomIn', label: 'Zooma in' },
        { role: 'zoomOut', label: 'Zooma ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Helskärm' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Utvecklarverktyg' } as MenuItemConstructorOptions]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
