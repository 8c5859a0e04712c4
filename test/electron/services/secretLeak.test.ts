import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import type { CallName } from '../../../shared/contract'
import { createLogger } from '../../../electron/logging/createLogger'
import { invokeContract } from '../../../electron/services/invokeContract'
import { createTestServices } from '../../support/createTestServices'
import { filesUnder } from '../../support/filesUnder'
import { MemorySecretStore } from '../../support/MemorySecretStore'
import { secretKeys, validValues } from '../../support/profileInputs'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const connectors: ConnectorId[] = ['okta', 'cognito', 'coupa', 'gotomeeting']

/** A value no code would produce by accident: if it shows up anywhere, a secret leaked. */
function distinctiveSecret(connectorId: string, key: string, round: number): string {
  return `LEAK-${connectorId}-${key}-${round}-Zq8#x`
}

describe('secrets never leave the main process', () => {
  it('appear in no response, error, event, profiles file, export or log line', async () => {
    const directory = newDirectory()
    const secretStore = new MemorySecretStore()
    const logger = createLogger({ directory, console: false })
    const { handlers, events } = await createTestServices(directory, { secretStore, logger })
    const secrets: string[] = []
    const outputs: unknown[] = []
    async function call(name: CallName, input: unknown): Promise<unknown> {
      const result = await invokeContract(handlers, name, input, logger)
      outputs.push(result)
      return result.ok ? result.value : undefined
    }
    function secretsFor(connectorId: ConnectorId, round: number): Record<string, string> {
      const values = Object.fromEntries(secretKeys[connectorId].map((key) => [key, distinctiveSecret(connectorId, key, round)]))
      secrets.push(...Object.values(values))
      return values
    }

    const ids: string[] = []
    for (const connectorId of connectors) {
      const created = (await call('profiles.create', {
        connectorId,
        name: `${connectorId} profile`,
        environment: 'real',
        values: validValues[connectorId],
        secrets: secretsFor(connectorId, 1),
      })) as { id: string }
      ids.push(created.id)
      await call('profiles.update', { profileId: created.id, secrets: secretsFor(connectorId, 2) })
      await call('profiles.duplicate', { profileId: created.id })
      await call('profiles.get', { profileId: created.id })
    }
    // Refusals must not echo what they refuse.
    await call('profiles.create', { connectorId: 'okta', name: 'Bad', environment: 'real', values: { url: 'x' }, secrets: secretsFor('okta', 3) })
    await call('profiles.create', { connectorId: 'okta', name: 'Odd', environment: 'real', values: validValues.okta, secrets: { url: distinctiveSecret('okta', 'url', 4) } })
    secrets.push(distinctiveSecret('okta', 'url', 4))
    await call('profiles.create', { connectorId: 'okta', name: 'okta profile', environment: 'real', values: validValues.okta, secrets: secretsFor('okta', 5) })
    secretStore.failing = true
    await call('profiles.create', { connectorId: 'coupa', name: 'Locked', environment: 'real', values: validValues.coupa, secrets: secretsFor('coupa', 6) })
    await call('profiles.update', { profileId: ids[0], secrets: secretsFor('okta', 7) })
    secretStore.failing = false

    const exported = (await call('profiles.export', { profileIds: ids })) as { content: string }
    await call('profiles.importPreview', { content: exported.content })
    await call('profiles.import', { content: exported.content, resolutions: ids.map((_, index) => ({ index, action: 'replace' })) })
    await call('profiles.list', {})
    await call('app.info', {})
    await call('profiles.delete', { profileId: ids[1] })
    logger.info('a stray log line', { input: { secrets: secretsFor('okta', 8) } })

    expect(secretStore.entries.size).toBeGreaterThan(0)
    expect([...secretStore.entries.values()]).toContain(distinctiveSecret('okta', 'token', 2))
    const places: [string, string][] = [
      ['responses and errors', JSON.stringify(outputs)],
      ['events', JSON.stringify(events)],
      ...(await filesUnder(directory)).map(({ path, text }): [string, string] => [join(directory, path), text]),
    ]
    expect(places.map(([place]) => place)).toEqual(expect.arrayContaining([join(directory, 'profiles.json'), logger.filePath]))
    expect(outputs.filter((output) => (output as { ok: boolean }).ok === false)).toHaveLength(5)
    for (const [place, text] of places) {
      for (const secret of secrets) expect(text.includes(secret), `${secret} found in ${place}`).toBe(false)
    }
  })
})
