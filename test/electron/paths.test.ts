import { describe, expect, it } from 'vitest'
import { defaultDataDirectory, resolveDataDirectory } from '../../electron/paths'

describe('resolveDataDirectory', () => {
  it('uses LANYARD_HOME when it is set', () => {
    expect(resolveDataDirectory({ LANYARD_HOME: '/srv/lanyard-ci' }, '/home/ann/.config/Lanyard')).toBe('/srv/lanyard-ci')
  })

  it('falls back to the platform default when LANYARD_HOME is missing or blank', () => {
    expect(resolveDataDirectory({}, '/home/ann/.config/Lanyard')).toBe('/home/ann/.config/Lanyard')
    expect(resolveDataDirectory({ LANYARD_HOME: '  ' }, '/home/ann/.config/Lanyard')).toBe('/home/ann/.config/Lanyard')
  })
})

describe('defaultDataDirectory', () => {
  it('matches where Electron keeps userData on each platform', () => {
    expect(defaultDataDirectory('linux', {}, '/home/ann')).toBe('/home/ann/.config/Lanyard')
    expect(defaultDataDirectory('linux', { XDG_CONFIG_HOME: '/home/ann/cfg' }, '/home/ann')).toBe('/home/ann/cfg/Lanyard')
    expect(defaultDataDirectory('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Lanyard')
    expect(defaultDataDirectory('win32', { APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'C:/Users/ann')).toBe(
      'C:/Users/ann/AppData/Roaming/Lanyard',
    )
  })
})
