import { describe, expect, it } from 'vitest'
import { cognitoHarness } from './cognitoSandboxHarness'

describe("Cognito connector: the pool's attribute schema", () => {
  it('names each schema attribute by the SCIM path Lanyard writes it under, with required, mutable and limits', async () => {
    const { connector } = await cognitoHarness()
    const schema = (await connector.attributeSchema?.('users')) ?? []
    const byName = new Map(schema.map((attribute) => [attribute.name, attribute]))
    expect(byName.get('given_name')).toMatchObject({ path: 'name.givenName', type: 'String', required: false, mutable: true, maxLength: 2048 })
    expect(byName.get('email')).toMatchObject({ path: 'emails[0].value', required: true, mutable: true })
    expect(byName.get('sub')).toMatchObject({ path: 'meta.sub', mutable: false })
    expect(byName.get('custom:department')).toMatchObject({ path: 'Extension.Custom.custom:department', maxLength: 256 })
    expect(byName.get('email_verified')).toMatchObject({ path: 'Extension.email_verified', type: 'Boolean' })
    expect(await connector.attributeSchema?.('groups')).toBeNull()
  })

  it('reads the pool once per connector, however often a form asks (DescribeUserPool counted)', async () => {
    const { connector, calls } = await cognitoHarness()
    await connector.attributeSchema?.('users')
    await connector.attributeSchema?.('users')
    await connector.testConnection()
    expect(calls().filter((call) => call.operation === 'DescribeUserPool')).toHaveLength(2)
    await Promise.all([connector.attributeSchema?.('users'), connector.attributeSchema?.('users')])
    expect(calls().filter((call) => call.operation === 'DescribeUserPool')).toHaveLength(2)
  })
})
