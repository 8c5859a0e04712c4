import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startGoToMeetingSandbox } from '../../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { useTemporaryDirectories } from '../../../support/temporaryDirectory'
import { asList, goToClient, signIn } from './goToClient'
import { seededAccounts } from '../../../support/sandboxPeople'

describe('GoTo sandbox: seeding and persistence', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('gives the same seed the same account and a different seed another', async () => {
    const [one, same, other] = await Promise.all([
      startGoToMeetingSandbox({ users: 25, seed: 'same' }),
      startGoToMeetingSandbox({ users: 25, seed: 'same' }),
      startGoToMeetingSandbox({ users: 25, seed: 'other' }),
    ])
    try {
      expect(same.tenant.users()).toEqual(one.tenant.users())
      expect(same.tenant.deletedEmails()).toEqual(one.tenant.deletedEmails())
      expect(same.credentials.accountKey).toBe(one.credentials.accountKey)
      expect(other.credentials.accountKey).not.toBe(one.credentials.accountKey)
      expect(other.tenant.users().map((user) => user.email)).not.toEqual(one.tenant.users().map((user) => user.email))
    } finally {
      await Promise.all([one, same, other].map((sandbox) => sandbox.close()))
    }
  })

  it('starts with 20,000 people and pages them 1000 at a time', async () => {
    const sandbox = await startGoToMeetingSandbox({ users: 20_000 })
    try {
      const call = goToClient(sandbox, (await signIn(sandbox)).access_token)
      const page = asList(await call('GET', `accounts/${sandbox.credentials.accountKey}/users?pageSize=1000&offset=17000`))
      expect(page.total).toBe(sandbox.tenant.count())
      expect(page.total).toBe(seededAccounts('gotomeeting', 20_000) + 1 - sandbox.tenant.deletedEmails().length)
      expect(page.results).toHaveLength(page.total - 17_000)
    } finally {
      await sandbox.close()
    }
  })

  it('keeps the account and its port across a restart, but never a password, secret or token', async () => {
    const stateDirectory = temporaryDirectory()
    const first = await startGoToMeetingSandbox({ users: 20, stateDirectory })
    const token = await signIn(first)
    const call = goToClient(first, token.access_token)
    const users = `accounts/${first.credentials.accountKey}/users`
    const created = ((await call('POST', users, { users: [{ email: 'kept@example.com', firstName: 'Kept', lastName: 'Person' }] })).body as { key: string }[])[0]!
    const victim = first.tenant.users()[3]!
    await call('DELETE', `${users}/${victim.key}`)
    const groupKey = (await call('POST', `accounts/${first.credentials.accountKey}/groups`, { name: 'Kept Group' })).body as string
    await call('PUT', `accounts/${first.credentials.accountKey}/groups/${groupKey}/users/${created.key}`)
    const { url, credentials } = first
    await first.close()
    await new Promise((resolve) => setTimeout(resolve, 50))

    const second = await startGoToMeetingSandbox({ users: 500, stateDirectory })
    try {
      expect(second.url).toBe(url)
      expect(second.credentials.accountKey).toBe(credentials.accountKey)
      expect(second.credentials.clientId).toBe(credentials.clientId)
      expect(second.credentials.password).not.toBe(credentials.password)
      expect(second.credentials.clientSecret).not.toBe(credentials.clientSecret)
      const saved = readFileSync(join(stateDirectory, 'gotomeeting.json'), 'utf8')
      for (const secret of [credentials.password!, credentials.clientSecret!, second.credentials.password!, second.credentials.clientSecret!, token.access_token, token.refresh_token]) {
        expect(saved).not.toContain(secret)
      }
      expect(second.tenant.findUser('kept@example.com')).toMatchObject({ key: created.key, groupKey })
      expect(second.tenant.deletedEmails()).toContain(victim.email)
      expect(second.tenant.group('Kept Group')?.key).toBe(groupKey)
      // The old token died with the old tenant.
      expect((await goToClient(second, token.access_token)('GET', 'me')).status).toBe(401)
      const again = goToClient(second, (await signIn(second)).access_token)
      const another = ((await again('POST', users, { users: [{ email: 'new@example.com', firstName: 'New', lastName: 'Person' }] })).body as { key: string }[])[0]!
      expect(BigInt(another.key) > BigInt(groupKey)).toBe(true)
    } finally {
      await second.close()
    }
  })

  it('sets aside a saved file of another shape and starts a fresh account', async () => {
    const stateDirectory = temporaryDirectory()
    writeFileSync(join(stateDirectory, 'gotomeeting.json'), '{"connectorId":"gotomeeting","port":1,"data":{"users":[]}}')
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const sandbox = await startGoToMeetingSandbox({ users: 5, stateDirectory }).finally(() => errors.mockRestore())
    try {
      expect(sandbox.tenant.count()).toBe(6)
    } finally {
      await sandbox.close()
    }
  })
})
