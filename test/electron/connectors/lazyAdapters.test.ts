import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const repositoryRoot = new URL('../../../', import.meta.url).pathname

/** The modules a fresh process loads while an Okta profile lists its users (support/listOktaProfile.ts). */
async function modulesLoadedByAnOktaListing(): Promise<{ listed: number; modules: string[] }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', './test/support/recordModuleLoads.mjs', 'test/electron/connectors/support/listOktaProfile.ts'],
    { cwd: repositoryRoot },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { listed: number; modules: string[] }
}

// Issue 14: every adapter, the AWS SDK included, was loaded for an Okta listing (40–45 MB of RSS).
describe('adapters load when a profile first needs them', () => {
  it("an Okta profile's listing loads the Okta adapter and no other, nor the AWS SDK", { timeout: 60_000 }, async () => {
    const { listed, modules } = await modulesLoadedByAnOktaListing()
    const project = modules.filter((url) => url.startsWith(`file://${repositoryRoot}`)).map((url) => url.slice(`file://${repositoryRoot}`.length))

    expect(listed).toBe(10)
    // The control: the recording does see the adapter that was used, and the catalogue's descriptors stay loaded (they are data).
    expect(project).toContain('electron/connectors/okta/createOktaConnector.ts')
    expect(project).toContain('shared/catalogue/cognito.ts')
    expect(project.filter((path) => /^electron\/connectors\/(cognito|coupa|gotomeeting)\//.test(path))).toEqual([])
    expect(modules.filter((url) => /@aws-sdk|@smithy/.test(url))).toEqual([])
  })
})
