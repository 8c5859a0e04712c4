import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface ApplicationMenuOptions {
  /** Reload, Force Reload and Toggle Developer Tools: only in development (`!app.isPackaged`). */
  developerTools: boolean
  platform: NodeJS.Platform
}

/**
 * Electron's default menu, less its developer items in a packaged build. The view menu is spelled
 * out because its role would bring Reload, Force Reload and Toggle Developer Tools back; the
 * edit menu stays, since on macOS copy and paste work only through it.
 */
export function applicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = options.developerTools
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
}

export function installApplicationMenu(options: ApplicationMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(options)))
}
