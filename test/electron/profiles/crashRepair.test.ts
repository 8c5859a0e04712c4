import { describe, expect, it } from 'vitest'
import { everyCrashPoint } from '../../support/crashPoints'
import { oktaProfile, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

const goToProfile = (name: string) => ({
  connectorId: 'gotomeeting' as const,
  name,
  environment: 'real' as const,
  values: validValues.gotomeeting,
  secrets: { password: 'pw-1', clientSecret: 'cs-1' },
})

describe('a crash at any step of a profile change is repaired at the next start', () => {
  it('create: the profile is there with every secret, or not at all', async () => {
    const points = await everyCrashPoint(newDirectory, {
      prepare: async () => null,
      change: (service) => service.create(goToProfile('GoTo')),
      check: ({ profiles, entries }) => {
        if (profiles.length === 0) return expect(entries.size).toBe(0)
        expect(profiles.map((profile) => [profile.name, profile.secrets])).toEqual([['GoTo', { personalAccessToken: 'missing', password: 'stored', clientSecret: 'stored' }]])
        expect([...entries.values()].sort()).toEqual(['cs-1', 'pw-1'])
      },
    })
    expect(points).toBeGreaterThanOrEqual(3)
  })

  it('duplicate: the copy is there with every secret, or not at all; the original is untouched', async () => {
    const points = await everyCrashPoint(newDirectory, {
      prepare: (service) => service.create(goToProfile('GoTo')),
      change: (service, original) => service.duplicate({ profileId: original.id }),
      check: ({ profiles, entries }, original) => {
        expect(profiles.map((profile) => profile.name)).toEqual(profiles.length === 1 ? ['GoTo'] : ['GoTo', 'GoTo (copy)'])
        expect(profiles.every((profile) => profile.secrets.password === 'stored' && profile.secrets.clientSecret === 'stored')).toBe(true)
        expect(entries.get(`${original.id}/password`)).toBe('pw-1')
        expect(entries.size).toBe(2 * profiles.length)
      },
    })
    expect(points).toBeGreaterThanOrEqual(3)
  })

  it('update with a new secret: never the new values with the old secret', async () => {
    const points = await everyCrashPoint(newDirectory, {
      prepare: (service) => service.create(oktaProfile('Okta prod', { token: 'tok-1' })),
      change: (service, profile) => service.update({ profileId: profile.id, name: 'Okta live', secrets: { token: 'tok-2' } }),
      check: ({ profiles, entries }, profile) => {
        expect(profiles.map((view) => view.id)).toEqual([profile.id])
        const token = entries.get(`${profile.id}/token`)
        expect(['tok-1', 'tok-2']).toContain(token)
        if (profiles[0]?.name === 'Okta live') expect(token).toBe('tok-2')
      },
    })
    expect(points).toBeGreaterThanOrEqual(2)
  })

  it('update of the address and the secret together: never a secret with an address it was not entered for', async () => {
    const elsewhere = { url: 'https://elsewhere.okta.com' }
    // Both mixed pairs send a token to a tenant it was not entered for: the old one to the new
    // address, or the new one (perhaps of another organisation) to the old address.
    const expectMatchingPair = ({ profiles, entries }: { profiles: { values: Record<string, string>; secrets: Record<string, string> }[]; entries: Map<string, string> }, id: string) => {
      const [profile] = profiles
      const token = profile?.secrets.token === 'stored' ? entries.get(`${id}/token`) : undefined
      expect(profile?.values.url === elsewhere.url ? [undefined, 'tok-2'] : [undefined, 'tok-1']).toContain(token)
    }
    const points = await everyCrashPoint(newDirectory, {
      prepare: (service) => service.create(oktaProfile('Okta prod', { token: 'tok-1' })),
      change: (service, profile) => service.update({ profileId: profile.id, values: elsewhere, secrets: { token: 'tok-2' } }),
      beforeRepair: (unrepaired, profile) => expectMatchingPair(unrepaired, profile.id),
      check: (repaired, profile) => {
        expect(repaired.profiles.map((view) => view.id)).toEqual([profile.id])
        expectMatchingPair(repaired, profile.id)
        if (repaired.profiles[0]?.values.url === elsewhere.url) expect(repaired.profiles[0].secrets.token).toBe('stored')
      },
    })
    expect(points).toBeGreaterThanOrEqual(3)
  })

  it('delete: the profile is there with its secret, or gone with it; other profiles untouched', async () => {
    const points = await everyCrashPoint(newDirectory, {
      prepare: async (service) => {
        const kept = await service.create(oktaProfile('Kept', { token: 'tok-kept' }))
        return { kept, doomed: await service.create(oktaProfile('Doomed', { token: 'tok-1' })) }
      },
      change: (service, { doomed }) => service.delete(doomed.id),
      check: ({ profiles, entries }, { kept, doomed }) => {
        expect(entries.get(`${kept.id}/token`)).toBe('tok-kept')
        if (profiles.length === 2) return expect(entries.get(`${doomed.id}/token`)).toBe('tok-1')
        expect(profiles.map((profile) => profile.name)).toEqual(['Kept'])
        expect(entries.has(`${doomed.id}/token`)).toBe(false)
      },
    })
    expect(points).toBeGreaterThanOrEqual(2)
  })

  it('import replacing a profile: never the imported values with the old secret', async () => {
    const content = JSON.stringify({
      format: 'lanyard-profiles',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      profiles: [
        { connectorId: 'okta', name: 'Okta prod', environment: 'real', values: { url: 'https://other.okta.com' } },
        { connectorId: 'okta', name: 'Added', environment: 'real', values: validValues.okta },
      ],
    })
    const points = await everyCrashPoint(newDirectory, {
      prepare: (service) => service.create(oktaProfile('Okta prod', { token: 'tok-1' })),
      change: (service) => service.import(content, [{ index: 0, action: 'replace' }]),
      check: ({ profiles, entries }, profile) => {
        const replaced = profiles.find((view) => view.id === profile.id)
        if (replaced?.values.url === 'https://other.okta.com') {
          expect(entries.has(`${profile.id}/token`)).toBe(false)
          expect(profiles.map((view) => view.name)).toEqual(['Okta prod', 'Added'])
        } else {
          expect(profiles.map((view) => view.name)).toEqual(['Okta prod'])
        }
      },
    })
    expect(points).toBeGreaterThanOrEqual(2)
  })
})
