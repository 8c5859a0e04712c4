import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import keytar from 'keytar'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { getDescriptor } from '../../../shared/catalogue'
import type { ConnectorId } from '../../../shared/catalogue/types'
import { secretAccount } from '../../../electron/secrets/SecretStore'
import { filesUnder } from '../../support/filesUnder'
import { invokeCall, type PreviewApp } from './previewApp'

const keychainService = process.env.LANYARD_KEYCHAIN_SERVICE ?? 'lanyard'

export interface SandboxProfileAccess {
  profileId: string
  /** The profile's plain values as saved (the tenant's Target URL among them). */
  values: Record<string, string>
  /** This run's secrets, which only the keychain holds, as an admin would copy them from the console. */
  secrets: Record<string, string>
}

/**
 * What a test needs to ask a sandbox tenant directly, as the target's own admin would: the
 * "<Label> Sandbox" profile Lanyard made for it, its values from `profiles.json` and its secrets
 * from the keychain. A tenant starts when its profile is first used, so this uses it first (a
 * connection test through the bridge), as opening the profile would.
 */
export async function sandboxProfileAccess(app: PreviewApp, connectorId: ConnectorId): Promise<SandboxProfileAccess> {
  const readJson = async (...path: string[]) => JSON.parse(await readFile(join(app.home, ...path), 'utf8')) as unknown
  const made = (await readJson('sandbox', 'sandbox-profiles.json')) as Partial<Record<ConnectorId, string>>
  const profileId = made[connectorId]
  if (!profileId) throw new Error(`no ${connectorId} Sandbox profile was made`)
  const firstUse = await invokeCall(app, 'directory.testConnection', { profileId: profileId })
  if (!firstUse.ok) throw new Error(`the ${connectorId} Sandbox profile did not connect: ${firstUse.error?.message}`)
  const file = (await readJson('profiles.json')) as { profiles: { id: string; values: Record<string, string> }[] }
  const profile = file.profiles.find((candidate) => candidate.id === profileId)
  if (!profile) throw new Error(`the ${connectorId} Sandbox profile is not in profiles.json`)
  const secrets: Record<string, string> = {}
  for (const parameter of getDescriptor(connectorId).parameters.filter((candidate) => candidate.secret)) {
    const value = await keytar.getPassword(keychainService, secretAccount(profileId, parameter.key))
    if (!value) throw new Error(`the ${connectorId} Sandbox profile has no ${parameter.key} in the keychain`)
    secrets[parameter.key] = value
  }
  return { profileId, values: profile.values, secrets }
}

/** Nothing but the keychain may hold a secret: not the page, the data folder or the logs. */
export async function expectSecretsNowhere(app: PreviewApp, page: Page, secrets: readonly string[]): Promise<void> {
  const content = await page.content()
  const files = await filesUnder(app.home)
  for (const secret of secrets) {
    expect(content).not.toContain(secret)
    expect(app.output()).not.toContain(secret)
    for (const { path, text } of files) expect(text, path).not.toContain(secret)
  }
}
