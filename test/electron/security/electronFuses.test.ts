import { FuseV1Options } from '@electron/fuses'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { LinuxPackager, type Configuration } from 'electron-builder'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const projectDirectory = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * electron-builder.yml read by electron-builder's own loader and schema, then turned into the
 * fuse wire by the same code the packager runs right before signing: what is asserted here is
 * what would be flipped in the shipped binary.
 */
async function packagedFuses(): Promise<Record<number, boolean | undefined>> {
  const config: Configuration = await getConfig(projectDirectory, null, null)
  await validateConfiguration(config, new DebugLogger(false))
  if (!config.electronFuses) throw new Error('electron-builder.yml sets no electronFuses')
  const packager = LinuxPackager.prototype as unknown as { generateFuseConfig(fuses: unknown): Promise<Record<number, boolean | undefined>> }
  return packager.generateFuseConfig(config.electronFuses)
}

describe('the Electron fuses flipped at packaging', () => {
  it('turn off every way to run the binary as a bare Node or to attach a debugger to it', async () => {
    const fuses = await packagedFuses()
    expect(fuses[FuseV1Options.RunAsNode], 'ELECTRON_RUN_AS_NODE').toBe(false)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable], 'NODE_OPTIONS').toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments], '--inspect').toBe(false)
  })

  it('load the app only from an app.asar whose integrity is checked', async () => {
    const fuses = await packagedFuses()
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })

  it('encrypt cookies on disk and give file:// pages no extra privileges (the renderer is served from app://)', async () => {
    const fuses = await packagedFuses()
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('decide every fuse this version of @electron/fuses knows, so a new one is not left at its default unnoticed', async () => {
    const fuses = await packagedFuses()
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number')
    const undecided = known.filter((fuse) => typeof fuses[fuse] !== 'boolean').map((fuse) => FuseV1Options[fuse])
    expect(undecided).toEqual([])
  })
})
