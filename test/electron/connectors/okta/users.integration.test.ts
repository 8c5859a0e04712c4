import { describe, expect, it } from 'vitest'
import type { DirectoryObject } from '../../../../shared/directory'
import { rowOf } from '../../../../electron/connectors/listedObjects'
import { expectAppError } from '../../../support/expectAppError'
import { allPages, graceHopper as newUser, limitOf, oktaHarness } from './oktaSandboxHarness'

describe('Okta users: paging in the target’s own steps', () => {
  it('asks for 100 when 30 are wanted, returns never more than 30, and walks every user once', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const listed = tenant.countUsers()
    const { ids, pageSizes } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 30 }))
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(listed)
    expect(Math.max(...pageSizes)).toBe(30)
    expect(requests().map(limitOf)).toEqual(pageSizes.map(() => '100'))
  })

  // 250 people, so the org lists more than 200 users (not everyone in the company has an Okta account: README "Sandbox people").
  it('asks for at most 200 when 325 are wanted, and returns at most 200', async () => {
    const { connector, requests } = await oktaHarness({ users: 250 })
    const page = await connector.list('users', { search: '', pageSize: 325 })
    expect(page.items).toHaveLength(200)
    expect(page.total).toBeNull()
    expect(requests().map(limitOf)).toEqual(['200'])
  })

  it("asks Okta for a row's fields only when the list is for a table's rows, on every page, with the same rows and cursors", async () => {
    const { connector, requests } = await oktaHarness({ users: 250 })
    const listAll = async (rowsOnly: boolean) => {
      const items: DirectoryObject[] = []
      const pages = await allPages(async (cursor) => {
        const page = await connector.list('users', { search: '', cursor, pageSize: 100, rowsOnly })
        items.push(...page.items)
        return page
      })
      return { ...pages, rows: items.map(rowOf) }
    }
    const rows = await listAll(true)
    const fieldsAsked = () => requests().map((request) => new URL(request.path, 'http://okta.invalid').searchParams.get('fields'))
    expect(fieldsAsked()).toEqual(rows.pageSizes.map(() => 'status,profile:(login,firstName,lastName,displayName)'))
    const full = await listAll(false)
    expect(rows.rows).toEqual(full.rows)
    expect(fieldsAsked().slice(rows.pageSizes.length)).toEqual(full.pageSizes.map(() => null))
    // A cursor is the list's, not the projection's: a table's cursor reads on in full.
    const first = await connector.list('users', { search: '', pageSize: 100, rowsOnly: true })
    const second = await connector.list('users', { search: '', pageSize: 100, cursor: first.nextCursor })
    expect(second.items.map((item) => item.id)).toEqual(full.ids.slice(100, 200))
  })

  it('reads one page per request when the page size is a step', async () => {
    const { connector, requests, tenant } = await oktaHarness({ users: 250 })
    const { pageSizes } = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 100 }))
    const listed = tenant.countUsers()
    expect(pageSizes).toEqual([100, 100, listed - 200])
    expect(requests()).toHaveLength(3)
  })

  it('finds users by a name prefix and by a status word', async () => {
    const { connector, tenant } = await oktaHarness()
    const someone = tenant.users().find((user) => user.status === 'ACTIVE' && user.id !== tenant.adminUser.id)!
    const prefix = String(someone.profile.lastName).slice(0, 3)
    const found = await connector.list('users', { search: prefix, pageSize: 200 })
    expect(found.items.map((item) => item.id)).toContain(someone.id)
    for (const item of found.items) {
      const words = [item.attributes['name.givenName'], item.attributes['name.familyName'], item.attributes['emails.value'], item.attributes.userName]
      expect(words.some((word) => String(word).toLowerCase().startsWith(prefix.toLowerCase())), item.displayName).toBe(true)
    }
    const suspended = await connector.list('users', { search: 'suspended', pageSize: 200 })
    expect(suspended.items.length).toBe(tenant.countUsers('SUSPENDED'))
    expect(suspended.items.every((item) => item.status?.label === 'SUSPENDED' && item.status.tone === 'warning')).toBe(true)
  })

  it('searches with quotes in the text without breaking the expression', async () => {
    const { connector } = await oktaHarness()
    const page = await connector.list('users', { search: 'O"Brien', pageSize: 10 })
    expect(page.items).toEqual([])
  })
})

describe('Okta users: read, create, update, delete', () => {
  it('still fetches a deactivated user, badged as DEPROVISIONED, and finds them by status', async () => {
    const { connector, tenant } = await oktaHarness()
    const user = tenant.users().find((candidate) => candidate.status === 'ACTIVE' && candidate.id !== tenant.adminUser.id)!
    tenant.setStatus(user.id, 'DEPROVISIONED')
    const fetched = await connector.get('users', user.id)
    expect(fetched.status).toEqual({ label: 'DEPROVISIONED', tone: 'danger', active: false })
    expect(fetched.attributes.active).toBe(false)
    const listed = await connector.list('users', { search: 'deprovisioned', pageSize: 100 })
    expect(listed.items.map((item) => item.id)).toContain(user.id)
    const everyone = await allPages((cursor) => connector.list('users', { search: '', cursor, pageSize: 200 }))
    expect(everyone.ids).toContain(user.id)
  })

  it('maps a fetched user, custom string arrays included', async () => {
    const { connector, tenant } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', profile: { badgeColours: ['red', 'blue'], title: 'Analyst' } })
    const fetched = await connector.get('users', user.id)
    expect(fetched).toMatchObject({ displayName: 'Ada Lovelace', secondary: 'ada.lovelace@example.com', readOnlyReason: null })
    expect(fetched.attributes).toMatchObject({
      id: user.id,
      userName: 'ada.lovelace@example.com',
      'name.givenName': 'Ada',
      title: 'Analyst',
      active: true,
      'Extension.Custom.badgeColours': '[red;;blue]',
      'meta.created': user.created,
    })
  })

  it('answers not_found for an unknown id', async () => {
    const { connector } = await oktaHarness()
    const error = await expectAppError(connector.get('users', '00uNOPE'), 'not_found')
    expect(error.toValue().details?.targetCode).toBe('E0000007')
  })

  it('creates an active user with a password that is never returned nor logged', async () => {
    const { connector, tenant, logger, requests } = await oktaHarness()
    const password = 'Correct-Horse-9-Battery'
    const created = await connector.create('users', { ...newUser, 'Extension.Custom.badgeColours': '[green;;gold]' }, { password })
    expect(created.status?.label).toBe('ACTIVE')
    expect(tenant.user(created.id)?.profile).toMatchObject({ login: 'grace.hopper@example.com', title: 'Rear Admiral', badgeColours: ['green', 'gold'] })
    expect(tenant.user(created.id)?.hasPassword).toBe(true)
    expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/v1/users?activate=true'])
    expect(JSON.stringify(created)).not.toContain(password)
    expect(JSON.stringify(logger.lines)).not.toContain(password)
    expect(logger.secrets.has(password)).toBe(true)
  })

  it('refuses a userName that is not an email, before any request', async () => {
    const { connector, requests } = await oktaHarness()
    const error = await expectAppError(connector.create('users', { ...newUser, userName: 'grace' }, { password: 'Pw-12345678' }), 'invalid_input')
    expect(error.extra.fields?.userName).toContain('email address')
    expect(requests()).toHaveLength(0)
  })

  it('calls a duplicate username a conflict', async () => {
    const { connector, tenant } = await oktaHarness()
    const taken = String(tenant.users()[3]!.profile.login)
    const error = await expectAppError(
      connector.create('users', { ...newUser, userName: taken, 'emails.value': taken }, { password: 'Pw-12345678' }),
      'conflict',
    )
    expect(error.toValue().details?.targetCode).toBe('E0000001')
  })

  it('changing the email changes the username too, with a partial update', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', profile: { title: 'Analyst' } })
    const updated = await connector.update('users', user.id, { 'emails.value': 'ada@analytical.example' })
    expect(updated.attributes.userName).toBe('ada@analytical.example')
    expect(tenant.user(user.id)?.profile).toMatchObject({ email: 'ada@analytical.example', login: 'ada@analytical.example', title: 'Analyst' })
    expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([`POST /api/v1/users/${user.id}`])
  })

  it('changing the username alone changes only the username', async () => {
    const { connector, tenant } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
    await connector.update('users', user.id, { userName: 'countess@example.com' })
    expect(tenant.user(user.id)?.profile).toMatchObject({ login: 'countess@example.com', email: 'ada.lovelace@example.com' })
  })

  it('clears an attribute set to null and keeps the others', async () => {
    const { connector, tenant } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', profile: { title: 'Analyst', department: 'Maths' } })
    const updated = await connector.update('users', user.id, { title: null })
    expect(updated.attributes).not.toHaveProperty('title')
    expect(tenant.user(user.id)?.profile.department).toBe('Maths')
  })

  it('refuses a password change before any request', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const user = tenant.users()[4]!
    const error = await expectAppError(connector.update('users', user.id, { password: 'New-Pass-123' }), 'invalid_input')
    expect(error.extra.fields?.password).toContain('Forgot password')
    expect(requests()).toHaveLength(0)
  })

  it('deletes an active user for good: deactivate then delete at Okta, one call here', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
    await connector.delete('users', user.id)
    expect(requests().map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /api/v1/users/${user.id}`,
      `POST /api/v1/users/${user.id}/lifecycle/deactivate`,
      `DELETE /api/v1/users/${user.id}`,
    ])
    expect(tenant.user(user.id)).toBeUndefined()
    await expectAppError(connector.get('users', user.id), 'not_found')
  })

  it('says the user is deactivated but not deleted when the delete fails after the deactivation', async () => {
    const { connector, tenant, sandbox } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace' })
    sandbox.faults.script([{ kind: 'server_error', method: 'DELETE', path: `/api/v1/users/${user.id}` }])
    const error = await expectAppError(connector.delete('users', user.id), 'partial_failure')
    expect(error.extra.steps).toEqual([
      { name: 'Deactivate Ada Lovelace', status: 'applied' },
      { name: 'Delete Ada Lovelace for good', status: 'failed', message: expect.any(String) },
    ])
    expect(error.message).toContain('a deactivated user stays deactivated')
    expect(tenant.user(user.id)?.status).toBe('DEPROVISIONED')
  })

  it('deletes an already deactivated user with a single delete', async () => {
    const { connector, tenant, requests } = await oktaHarness()
    const user = tenant.addUser({ firstName: 'Ada', lastName: 'Lovelace', status: 'DEPROVISIONED' })
    await connector.delete('users', user.id)
    expect(requests().map((request) => request.method)).toEqual(['GET', 'DELETE'])
    expect(tenant.user(user.id)).toBeUndefined()
  })
})
