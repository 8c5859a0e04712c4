import { describe, expect, it } from 'vitest'
import { asObject, oktaClient, useOktaSandbox } from './oktaClient'

/**
 * Okta drops a profile field that is cleared (sent as null) rather than keeping it as null, on the
 * answer and on every later read; only `mobilePhone` and `secondEmail` are echoed as null when
 * unset (okta.md §2.4, the VCR recordings in §3). A group without a description has no
 * `description` at all: the spec's `OktaUserGroupProfile.description` is a string, never null.
 */
describe('Okta sandbox: cleared fields are dropped, as Okta drops them', () => {
  const startSandbox = useOktaSandbox()
  const newUser = { firstName: 'Ada', lastName: 'Byron', login: 'ada.byron@example.com', email: 'ada.byron@example.com' }

  it('a create drops the nulls it was sent, and echoes only mobilePhone and secondEmail as null', async () => {
    const call = oktaClient(await startSandbox())
    const created = asObject(await call('POST', '/api/v1/users?activate=false', { profile: { ...newUser, postalAddress: null, title: null } }))
    const profile = created.profile as Record<string, unknown>
    expect(profile).not.toHaveProperty('postalAddress')
    expect(profile).not.toHaveProperty('title')
    expect(profile).toMatchObject({ mobilePhone: null, secondEmail: null })
    expect(asObject(await call('GET', `/api/v1/users/${created.id}`)).profile).not.toHaveProperty('postalAddress')
  })

  it('a full replace and a partial update drop a cleared field, and it stays gone on the next GET', async () => {
    const call = oktaClient(await startSandbox())
    const created = asObject(await call('POST', '/api/v1/users?activate=false', { profile: { ...newUser, title: 'Countess', department: 'Engines', city: 'London' } }))
    const replaced = asObject(await call('PUT', `/api/v1/users/${created.id}`, { profile: { ...newUser, title: null, department: 'Engines', city: 'London' } }))
    expect(replaced.profile).not.toHaveProperty('title')
    const partial = asObject(await call('POST', `/api/v1/users/${created.id}`, { profile: { department: null } }))
    expect(partial.profile).not.toHaveProperty('department')
    expect(partial.profile).toMatchObject({ city: 'London' })
    const read = asObject(await call('GET', `/api/v1/users/${created.id}`)).profile as Record<string, unknown>
    expect(Object.values(read).filter((value) => value === null).length).toBe(2)
    expect(read).not.toHaveProperty('title')
    expect(read).not.toHaveProperty('department')
  })

  it('a group without a description has no description, also after clearing one', async () => {
    const call = oktaClient(await startSandbox())
    const bare = asObject(await call('POST', '/api/v1/groups', { profile: { name: 'No words' } }))
    expect(bare.profile).toEqual({ name: 'No words' })
    expect(asObject(await call('GET', `/api/v1/groups/${bare.id}`)).profile).toEqual({ name: 'No words' })
    const described = asObject(await call('POST', '/api/v1/groups', { profile: { name: 'Some words', description: 'Words' } }))
    const cleared = asObject(await call('PUT', `/api/v1/groups/${described.id}`, { profile: { name: 'Some words', description: null } }))
    expect(cleared.profile).toEqual({ name: 'Some words' })
  })
})
