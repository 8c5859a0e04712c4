import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { startCoupaSandbox } from '../../../../electron/sandbox/coupa/startCoupaSandbox'
import { useTemporaryDirectories } from '../../../support/temporaryDirectory'
import { asObject, coupaClient, createUser, newUser } from './coupaClient'

describe('Coupa sandbox: persistence', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('keeps the instance, its custom properties and its port across a restart, but never an API key', async () => {
    const stateDirectory = temporaryDirectory()
    const first = await startCoupaSandbox({ users: 10, stateDirectory, customProperties: 'badge|string;' })
    const created = await createUser(coupaClient(first), newUser('kept.person', { roles: [{ name: 'Buyer' }] }))
    await coupaClient(first)('PUT', `/api/users/${created.id}`, { active: false })
    const { url, credentials } = first
    await first.close()
    await new Promise((resolve) => setTimeout(resolve, 50))

    const second = await startCoupaSandbox({ users: 500, stateDirectory })
    try {
      expect(second.url).toBe(url)
      expect(second.credentials.apiKey).not.toBe(credentials.apiKey)
      expect(second.credentials.customProperties).toBe('badge|string;')
      const saved = readFileSync(join(stateDirectory, 'coupa.json'), 'utf8')
      for (const key of [credentials.apiKey as string, second.credentials.apiKey as string]) expect(saved).not.toContain(key)
      expect(second.tenant.count()).toBe(13)
      const kept = asObject(await coupaClient(second)('GET', `/api/users/${created.id}`))
      expect([kept.login, kept.active, (kept.roles as { name: string }[]).map((role) => role.name)]).toEqual(['kept.person', false, ['Buyer']])
      const another = await createUser(coupaClient(second), newUser('new.person'))
      expect(another.id).toBe(created.id + 1)
    } finally {
      await second.close()
    }
  })

  it('saves a change soon after it happens, and moves aside a file that is not a Coupa state', async () => {
    const stateDirectory = temporaryDirectory()
    const sandbox = await startCoupaSandbox({ users: 3, stateDirectory })
    try {
      await coupaClient(sandbox)('PUT', '/api/users/3', { firstname: 'Saved' })
      await new Promise((resolve) => setTimeout(resolve, 600))
      expect(readFileSync(join(stateDirectory, 'coupa.json'), 'utf8')).toContain('"Saved"')
    } finally {
      await sandbox.close()
    }
    writeFileSync(join(stateDirectory, 'coupa.json'), '{"connectorId":"coupa","port":1,"data":{"users":[]}}')
    const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const fresh = await startCoupaSandbox({ users: 3, stateDirectory }).finally(() => errors.mockRestore())
    try {
      expect(fresh.tenant.count()).toBe(5)
      expect(readdirSync(stateDirectory).some((name) => name.startsWith('coupa.json.unreadable-'))).toBe(true)
    } finally {
      await fresh.close()
    }
  })
})
