import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/errors/AppError'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { addOktaProfile, oktaToken, startServices } from './directoryHarness'

const newDirectory = useTemporaryDirectories()
const firstPassword = 'First-Pa55word-Zq8#'
const secondPassword = 'Second-Pa55word-Zq8#'

describe('secrets in directory and journal work', () => {
  it('appear in no response, error, event, journal, export or log line', async () => {
    const directory = newDirectory()
    const services = await startServices(directory)
    const profileId = await addOktaProfile(services)
    const outputs: unknown[] = []
    const call = async (name: Parameters<typeof services.call>[0], input: unknown) => {
      const result = await services.call(name, input)
      outputs.push(result)
      return result
    }
    const userAttributes = (given: string) => ({
      userName: `${given.toLowerCase()}@example.com`,
      'name.givenName': given,
      'name.familyName': 'Tester',
      'emails.value': `${given.toLowerCase()}@example.com`,
    })

    const created = await call('directory.create', { profileId: profileId, objectType: 'users', attributes: userAttributes('Ada'), password: firstPassword })
    services.fake.failNext('create', new AppError('invalid_input', 'The password does not meet the policy.'))
    await call('directory.create', { profileId: profileId, objectType: 'users', attributes: userAttributes('Grace'), password: secondPassword })
    const userId = (created as { ok: true; value: { id: string } }).value.id
    await call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes: { password: secondPassword } })
    await call('directory.update', { profileId: profileId, objectType: 'users', objectId: userId, changes: { title: secondPassword.slice(0, 6) } })
    await call('directory.deprovision', { profileId: profileId, userId })
    await call('journal.list', {})
    await call('journal.export', { format: 'csv' })
    await call('journal.export', { format: 'json' })
    await call('journal.verify', {})

    expect(services.fake.passwordsReceived).toEqual([firstPassword])
    expect(services.fake.calls.filter((method) => method === 'create users')).toHaveLength(2)
    const files = readdirSync(directory).map((name) => join(directory, name))
    const places: [string, string][] = [
      ['responses and errors', JSON.stringify(outputs)],
      ['events', JSON.stringify(services.events)],
      ['log lines', JSON.stringify(services.logger.lines)],
      ...files.map((path): [string, string] => [path, readFileSync(path, 'utf8')]),
    ]
    expect(places.map(([place]) => place)).toContain(join(directory, 'journal.jsonl'))
    for (const [place, text] of places) {
      for (const secret of [oktaToken, firstPassword, secondPassword]) expect(text.includes(secret), `${secret} found in ${place}`).toBe(false)
    }
    expect(outputs.filter((output) => (output as { ok: boolean }).ok === false)).toHaveLength(2)
  })
})
