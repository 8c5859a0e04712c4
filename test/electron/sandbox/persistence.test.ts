import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { SandboxStateFile } from '../../../electron/sandbox/framework/SandboxStateFile'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { asObject, oktaClient } from './okta/oktaClient'

describe('sandbox persistence', () => {
  const temporaryDirectory = useTemporaryDirectories()

  describe('SandboxStateFile', () => {
    it('writes <connectorId>.json atomically, readable only by its owner, leaving no temporary file', async () => {
      const directory = temporaryDirectory()
      const file = new SandboxStateFile<{ n: number }>(join(directory, 'nested'), 'okta')
      file.bind(() => ({ connectorId: 'okta', port: 4321, data: { n: 1 } }))
      await file.flush()
      expect(file.path).toBe(join(directory, 'nested', 'okta.json'))
      expect(readdirSync(join(directory, 'nested'))).toEqual(['okta.json'])
      expect(statSync(file.path).mode & 0o777).toBe(0o600)
      expect(new SandboxStateFile(join(directory, 'nested'), 'okta').load()).toEqual({ connectorId: 'okta', port: 4321, data: { n: 1 } })
    })

    it('writes once, shortly after a burst of changes', async () => {
      const directory = temporaryDirectory()
      const file = new SandboxStateFile<{ n: number }>(directory, 'okta', 30)
      let snapshots = 0
      let n = 0
      file.bind(() => {
        snapshots++
        return { connectorId: 'okta', port: 1, data: { n } }
      })
      for (n = 1; n <= 10; n++) file.changed()
      expect(existsSync(file.path)).toBe(false)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(snapshots).toBe(1)
      expect(file.load()?.data).toEqual({ n: 11 })
    })

    it('reports a debounced write that fails on stderr instead of throwing from its timer, and writes on the next change', async () => {
      const directory = temporaryDirectory()
      const file = new SandboxStateFile<{ n: number }>(directory, 'okta', 10)
      file.bind(() => ({ connectorId: 'okta', port: 1, data: { n: 1 } }))
      // A folder where the file should be: the rename over it fails, even for root.
      mkdirSync(file.path)
      const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
      try {
        file.changed()
        await new Promise((resolve) => setTimeout(resolve, 60))
        expect(errors.mock.calls.map(([text]) => String(text)).join('')).toMatch(/sandbox: could not save .*okta\.json/)
      } finally {
        errors.mockRestore()
      }
      rmSync(file.path, { recursive: true })
      file.changed()
      await new Promise((resolve) => setTimeout(resolve, 60))
      expect(file.load()?.data).toEqual({ n: 1 })
      expect(readdirSync(directory)).toEqual(['okta.json'])
    })

    it('moves an unreadable file aside instead of deleting it, and starts fresh', () => {
      const directory = temporaryDirectory()
      writeFileSync(join(directory, 'okta.json'), '{ not json')
      const file = new SandboxStateFile(directory, 'okta')
      expect(file.load()).toBeUndefined()
      const aside = readdirSync(directory).filter((name) => name.startsWith('okta.json.unreadable-'))
      expect(aside).toHaveLength(1)
      expect(readFileSync(join(directory, aside[0] as string), 'utf8')).toBe('{ not json')
    })
  })

  it('keeps an Okta tenant’s data and port across a restart, but never a token', async () => {
    const stateDirectory = temporaryDirectory()
    const first = await startOktaSandbox({ users: 10, stateDirectory })
    const created = asObject(
      await oktaClient(first)('POST', '/api/v1/users', {
        profile: { firstName: 'Kept', lastName: 'Person', login: 'kept@example.com', email: 'kept@example.com' },
        credentials: { password: { value: 'Sandbox123' } },
      }),
    )
    await oktaClient(first)('POST', `/api/v1/users/${created.id}/lifecycle/suspend`)
    const { url, credentials } = first
    const readOnlyToken = first.tenant.readOnlyToken
    await first.close()
    // Let fetch's keep-alive pool see the closed sockets, or it may reuse one on the same port.
    await new Promise((resolve) => setTimeout(resolve, 50))

    const second = await startOktaSandbox({ users: 500, stateDirectory })
    try {
      expect(second.url).toBe(url)
      // Tokens are minted at every start and reach the app's profile through the keychain only.
      expect(second.credentials.token).not.toBe(credentials.token)
      expect(second.tenant.readOnlyToken).not.toBe(readOnlyToken)
      const saved = readFileSync(join(stateDirectory, 'okta.json'), 'utf8')
      for (const token of [credentials.token!, readOnlyToken, second.credentials.token!, second.tenant.readOnlyToken]) {
        expect(saved).not.toContain(token)
      }
      expect(second.tenant.countUsers()).toBe(13)
      const kept = asObject(await oktaClient(second)('GET', '/api/v1/users/kept@example.com'))
      expect([kept.id, kept.status]).toEqual([created.id, 'SUSPENDED'])
      const another = asObject(
        await oktaClient(second)('POST', '/api/v1/users', { profile: { firstName: 'New', lastName: 'Person', login: 'new@example.com', email: 'new@example.com' } }),
      )
      expect(another.id > created.id).toBe(true)
    } finally {
      await second.close()
    }
  })

  it('moves aside a saved file that is JSON but not a tenant’s state, and starts a fresh tenant', async () => {
    const stateDirectory = temporaryDirectory()
    for (const content of ['{"connectorId":"okta","port":1,"data":{"users":[]}}', '[]', '{"connectorId":"cognito","port":1,"data":{}}']) {
      writeFileSync(join(stateDirectory, 'okta.json'), content)
      const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
      const sandbox = await startOktaSandbox({ users: 5, stateDirectory }).finally(() => errors.mockRestore())
      try {
        expect(sandbox.tenant.countUsers()).toBe(7)
        const aside = readdirSync(stateDirectory).filter((name) => name.startsWith('okta.json.unreadable-'))
        expect(aside.map((name) => readFileSync(join(stateDirectory, name), 'utf8'))).toContain(content)
      } finally {
        await sandbox.close()
      }
    }
  })

  it('saves changes soon after they happen, without waiting for close', async () => {
    const stateDirectory = temporaryDirectory()
    const sandbox = await startOktaSandbox({ users: 5, stateDirectory })
    try {
      await oktaClient(sandbox)('POST', '/api/v1/groups', { profile: { name: 'Saved soon' } })
      await new Promise((resolve) => setTimeout(resolve, 600))
      const saved = JSON.parse(readFileSync(join(stateDirectory, 'okta.json'), 'utf8')) as { data: { groups: { profile: { name: string } }[] } }
      expect(saved.data.groups.map((group) => group.profile.name)).toContain('Saved soon')
    } finally {
      await sandbox.close()
    }
  })

  it('keeps everything in memory without a state directory', async () => {
    const first = await startOktaSandbox({ users: 5 })
    await oktaClient(first)('POST', '/api/v1/groups', { profile: { name: 'Forgotten' } })
    await first.close()
    const second = await startOktaSandbox({ users: 5 })
    expect(second.tenant.findGroupByName('Forgotten')).toBeUndefined()
    expect(second.credentials.token).not.toBe(first.credentials.token)
    await second.close()
  })
})
