import { describe, expect, it } from 'vitest'
import type { ProfileService } from '../../../electron/profiles/ProfileService'
import type { ProfileView } from '../../../shared/profiles'
import { everyCrashPoint, type Repaired } from '../../support/crashPoints'
import { expectAppError } from '../../support/expectAppError'
import { createProfileServiceHarness } from '../../support/profileServiceHarness'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

/** Three profiles the import replaces (the second, GoTo, with two secrets), and one it leaves alone. */
async function createExisting(service: ProfileService) {
  return {
    first: await service.create(oktaProfile('First', { token: 'tok-first' })),
    second: await service.create({
      connectorId: 'gotomeeting',
      name: 'Second',
      environment: 'real',
      values: validValues.gotomeeting,
      secrets: { password: 'pw-second', clientSecret: 'cs-second' },
    }),
    third: await service.create(oktaProfile('Third', { token: 'tok-third' })),
    untouched: await service.create(oktaProfile('Untouched', { token: 'tok-untouched' })),
  }
}
type Existing = Awaited<ReturnType<typeof createExisting>>

const importedUrl = { okta: 'https://elsewhere.okta.com', gotomeeting: 'https://api.elsewhere.example/admin/rest/v1/' }
const content = JSON.stringify({
  format: 'lanyard-profiles',
  version: 1,
  exportedAt: '2025-01-01T00:00:00.000Z',
  profiles: [
    { connectorId: 'okta', name: 'First', environment: 'real', values: { url: importedUrl.okta } },
    { connectorId: 'gotomeeting', name: 'Second', environment: 'real', values: { ...validValues.gotomeeting, url: importedUrl.gotomeeting } },
    { connectorId: 'okta', name: 'Third', environment: 'real', values: { url: importedUrl.okta } },
    { connectorId: 'okta', name: 'Added', environment: 'real', values: validValues.okta },
  ],
})
const replaceAll = [0, 1, 2].map((index) => ({ index, action: 'replace' as const }))

const isImported = (view: ProfileView | undefined) => Object.values(importedUrl).includes(view?.values.url ?? '')

/**
 * The standard for every profile the import touches: it was replaced (the imported values, and none
 * of its old secrets in use) or it kept its old state whole (its values, and every secret it had).
 */
function expectReplacedOrWhole({ profiles, entries }: Repaired, existing: Existing): 'replaced' | 'kept' {
  const { first, second, third, untouched } = existing
  const states = [first, second, third].map((before) => {
    const now = profiles.find((view) => view.id === before.id)
    expect(now, `profile "${before.name}" still exists`).toBeDefined()
    if (isImported(now)) {
      expect(Object.values(now?.secrets ?? {}), `"${before.name}" was replaced: no old secret in use`).not.toContain('stored')
      return 'replaced'
    }
    expect(now?.values, `"${before.name}" kept its values`).toEqual(before.values)
    expect(now?.secrets, `"${before.name}" kept every secret`).toEqual(before.secrets)
    for (const [key, status] of Object.entries(before.secrets)) {
      if (status === 'stored') expect(entries.get(`${before.id}/${key}`)).toMatch(/-(first|second|third)$/)
    }
    return 'kept'
  })
  expect(new Set(states).size, 'all three replaced, or none').toBe(1)
  expect(profiles.find((view) => view.id === untouched.id)?.secrets).toEqual({ token: 'stored' })
  expect(entries.get(`${untouched.id}/token`)).toBe('tok-untouched')
  expect(profiles.some((view) => view.name === 'Added')).toBe(states[0] === 'replaced')
  return states[0] ?? 'kept'
}

describe('an import that replaces several profiles loses nothing', () => {
  it('when the keychain refuses the second: everything is imported, no old secret is used, the message says which lingers', async () => {
    const harness = await createProfileServiceHarness(newDirectory())
    const existing = await createExisting(harness.service)
    harness.store.refusesChange = (profileId) => profileId === existing.second.id

    const error = await expectAppError(harness.service.import(content, replaceAll), 'keychain_unavailable')
    expect(error.message).toBe(
      'The import is done: added "Added"; replaced "First", "Second" and "Third", whose secrets must now be entered again. ' +
        'The old Personal access token, Password and Client Secret of "Second" could not be removed from the keychain. The OS keychain could not be used ' +
        '(locked for the test). Unlock it, then try again. They will never be used, and Lanyard removes them the next time the keychain is available.',
    )
    const state = { profiles: await harness.service.list(), entries: new Map(harness.store.entries) }
    expect(expectReplacedOrWhole(state, existing)).toBe('replaced')
    // The refused entries are still in the keychain, but nothing can read them: not the list, not a connection.
    expect(harness.store.entries.get(`${existing.second.id}/password`)).toBe('pw-second')
    expect(await harness.secrets.read(existing.second.id, 'password')).toBeNull()
    expect(await harness.secrets.read(existing.first.id, 'token')).toBeNull()

    harness.store.refusesChange = () => false
    const { service } = await harness.restart()
    await service.removePendingSecrets()
    expect([...harness.store.entries.keys()].filter((entry) => entry.startsWith(existing.second.id))).toEqual([])
  })

  it('when a new secret is entered for a replaced profile before its old one could be removed, the new one stays', async () => {
    const harness = await createProfileServiceHarness(newDirectory())
    const existing = await createExisting(harness.service)
    harness.store.refusesChange = (profileId) => profileId === existing.first.id
    await expectAppError(harness.service.import(content, replaceAll), 'keychain_unavailable')
    harness.store.refusesChange = () => false

    await harness.service.update({ profileId: existing.first.id, secrets: { token: 'tok-new' } })
    const { service, secrets } = await harness.restart()
    await service.removePendingSecrets()
    expect(await secrets.read(existing.first.id, 'token')).toBe('tok-new')
  })

  it('when the process dies at any step: all replaced or none, and no old secret in use before the repair', async () => {
    const points = await everyCrashPoint(newDirectory, {
      prepare: createExisting,
      change: (service) => service.import(content, replaceAll),
      beforeRepair: (unrepaired, existing) => void expectReplacedOrWhole(unrepaired, existing),
      check: (repaired, existing) => {
        if (expectReplacedOrWhole(repaired, existing) === 'kept') return
        for (const { id } of [existing.first, existing.second, existing.third]) {
          expect([...repaired.entries.keys()].filter((entry) => entry.startsWith(id))).toEqual([])
        }
      },
    })
    expect(points).toBeGreaterThanOrEqual(5)
  })
})
