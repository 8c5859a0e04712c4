import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCognitoSandbox } from '../../../../electron/sandbox/cognito/startCognitoSandbox'
import { useTemporaryDirectories } from '../../../support/temporaryDirectory'
import { cognitoClient, expectOk } from './cognitoClient'

describe('Cognito sandbox: persistence', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('keeps the pool, its changes and its port across a restart, but never a credential or a password', async () => {
    const stateDirectory = temporaryDirectory()
    const first = await startCognitoSandbox({ users: 10, stateDirectory })
    const ok = expectOk(cognitoClient(first))
    const pool = { UserPoolId: first.credentials.userPoolId }
    await ok('AdminCreateUser', { ...pool, Username: 'kept.person', TemporaryPassword: 'Kept-Secret-9!', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'kept@example.com' }] })
    await ok('CreateGroup', { ...pool, GroupName: 'kept-group', Precedence: 3 })
    await ok('AdminAddUserToGroup', { ...pool, Username: 'kept.person', GroupName: 'kept-group' })
    const disabled = first.tenant.users()[2]?.username as string
    await ok('AdminDisableUser', { ...pool, Username: disabled })
    first.tenant.setPasswordPolicy({ MinimumLength: 12 })
    await first.close()

    const file = readFileSync(join(stateDirectory, 'cognito.json'), 'utf8')
    for (const secret of [first.credentials.accessSecret, first.credentials.accessKeyId, 'Kept-Secret-9!']) expect(file).not.toContain(secret)

    const second = await startCognitoSandbox({ users: 10, stateDirectory })
    try {
      expect(second.url).toBe(first.url)
      expect(second.credentials.userPoolId).toBe(first.credentials.userPoolId)
      expect(second.credentials.region).toBe(first.credentials.region)
      expect(second.credentials.accessSecret).not.toBe(first.credentials.accessSecret)
      const call = cognitoClient(second)
      expect((await call('AdminGetUser', { ...pool, Username: 'kept.person' })).body).toMatchObject({ Username: 'kept.person', UserStatus: 'FORCE_CHANGE_PASSWORD' })
      expect(second.tenant.groupsOf('kept.person').map((group) => group.name)).toEqual(['kept-group'])
      expect(second.tenant.enabled(disabled)).toBe(false)
      expect(second.tenant.passwordPolicy.MinimumLength).toBe(12)
      // The old key is gone with the old process.
      expect((await call('DescribeUserPool', pool, { accessKeyId: first.credentials.accessKeyId, secretAccessKey: first.credentials.accessSecret })).body.__type).toBe(
        'com.amazon.coral.service#UnrecognizedClientException',
      )
    } finally {
      await second.close()
    }
  })

  it('saves a change made through the tenant handle', async () => {
    const stateDirectory = temporaryDirectory()
    const first = await startCognitoSandbox({ users: 3, stateDirectory })
    first.tenant.addGroup({ name: 'from-handle' })
    await first.close()
    const second = await startCognitoSandbox({ users: 3, stateDirectory })
    try {
      expect(second.tenant.group('from-handle')).toBeDefined()
    } finally {
      await second.close()
    }
  })
})
