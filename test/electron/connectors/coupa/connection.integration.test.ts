import { describe, expect, it } from 'vitest'
import { createCoupaConnector } from '../../../../electron/connectors/coupa/createCoupaConnector'
import { AppError } from '../../../../electron/errors/AppError'
import { createRecordingLogger } from '../../../support/recordingLogger'
import { expectAppError } from '../../../support/expectAppError'
import { coupaHarness } from './coupaSandboxHarness'

function build(values: Record<string, string>, secrets: Record<string, string> = { apiKey: 'a'.repeat(40) }) {
  return () => createCoupaConnector({ profileId: 'p', profileName: 'Acme Coupa', environment: 'sandbox', values, secrets, logger: createRecordingLogger() })
}

describe('a Coupa profile and its connection', () => {
  it('tests the connection with the API key header and says what it found', async () => {
    const { connector, requests } = await coupaHarness()
    const report = await connector.testConnection()
    expect(report.summary).toMatch(/^Connected to Coupa at 127\.0\.0\.1:\d+$/)
    expect(report.facts).toEqual(
      expect.arrayContaining([
        { label: 'First user', value: 'Coupa Support' },
        { label: 'Roles', value: 'Readable (through Coupa GraphQL)' },
        { label: 'Custom properties', value: 'cost_center (string), new_user (boolean)' },
      ]),
    )
    expect(requests()[0]?.path).toBe('/api/users?limit=1')
  })

  it('takes a Target URL that ends in /api as the instance address', async () => {
    const { connect, sandbox } = await coupaHarness()
    const connector = connect({ url: `${sandbox.url}/api/` })
    expect((await connector.list('users', { search: '', pageSize: 1 })).items).toHaveLength(1)
  })

  it('refuses a profile with malformed custom properties, one message per entry', () => {
    const error = (() => {
      try {
        build({ url: 'https://acme.coupahost.com', customProperties: 'cost_center|string;new user|boolean;flag|number' })()
      } catch (thrown) {
        return thrown as AppError
      }
      throw new Error('expected a refusal')
    })()
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('Entry 2 "new user|boolean"')
    expect(error.message).toContain('Entry 3 "flag|number": the data type must be string or boolean')
  })

  it('refuses a profile without an API key, with a bad URL or an unknown page count', () => {
    expect(build({ url: 'https://acme.coupahost.com' }, {})).toThrow(/has no API key/)
    expect(build({ url: 'acme' })).toThrow(/not a web address/)
    expect(build({ url: 'https://acme.coupahost.com', concurrency: '3' })).toThrow(/choose 1, 2, 4 or 8/)
  })

  it('reports a create whose segment step failed as partial, naming the created user', async () => {
    const { connector, sandbox, tenant } = await coupaHarness()
    sandbox.faults.script([{ kind: 'server_error', method: 'PUT', times: 10 }])
    const error = await expectAppError(
      connector.create(
        'users',
        {
          userName: 'seg.new',
          'emails[0].value': 'seg.new@example.com',
          'name.givenName': 'Seg',
          'name.familyName': 'New',
          'Extension.defaultChartOfAccountsName': 'North America COA',
          'Extension.Segment1': 'CC-1',
        },
        {},
      ),
      'partial_failure',
    )
    const created = tenant.findUser('seg.new')!
    expect(error.extra.details).toMatchObject({ objectId: String(created.id), objectName: 'Seg New' })
    expect(error.extra.steps?.map((step) => [step.name, step.status])).toEqual([
      ['Create Seg New', 'applied'],
      ["Set Seg New's default account segments", 'failed'],
    ])
    // Created with the computed account security type: the name is set and there are no account groups.
    expect(created.fields['account-security-type']).toBe(1)
  })
})
