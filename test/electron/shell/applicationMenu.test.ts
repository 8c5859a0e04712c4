import { describe, expect, it, vi } from 'vitest'
import { applicationMenuTemplate } from '../../../electron/window/applicationMenu'
import type { FakeMenuItem } from '../../support/electronStandIn'

vi.mock('electron', () => import('../../support/electronStandIn'))

const developerRoles = ['reload', 'forcereload', 'toggledevtools']
// Roles whose default submenu Electron fills in itself; the view menu's holds the developer items.
const rolesWithDefaultSubmenus = ['viewmenu', 'defaultmenu']

function allItems(items: readonly FakeMenuItem[]): FakeMenuItem[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])])
}

function roles(developerTools: boolean, platform: NodeJS.Platform): string[] {
  const template = applicationMenuTemplate({ developerTools, platform }) as FakeMenuItem[]
  // Electron compares roles without regard to case.
  return allItems(template).flatMap((item) => (item.role ? [item.role.toLowerCase()] : []))
}

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`has no developer items in a packaged build (${platform})`, () => {
      const packaged = roles(false, platform)
      expect(packaged.filter((role) => developerRoles.includes(role))).toEqual([])
      expect(packaged.filter((role) => rolesWithDefaultSubmenus.includes(role))).toEqual([])
    })

    it(`keeps editing, zoom and window items in a packaged build (${platform})`, () => {
      expect(roles(false, platform)).toEqual(expect.arrayContaining(['editmenu', 'zoomin', 'zoomout', 'resetzoom', 'windowmenu']))
    })

    it(`keeps Reload, Force Reload and Toggle Developer Tools in a development build (${platform})`, () => {
      expect(roles(true, platform)).toEqual(expect.arrayContaining(developerRoles))
    })
  }

  it('has the app menu on macOS only', () => {
    expect(roles(false, 'darwin')).toContain('appmenu')
    expect(roles(false, 'win32')).not.toContain('appmenu')
  })
})
