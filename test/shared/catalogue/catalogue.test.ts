import { describe, expect, it } from 'vitest'
import { cognitoRegions, connectors, findObjectType, getDescriptor, isConnectorId } from '../../../shared/catalogue'
import { connectorIds } from '../../../shared/catalogue/types'

/** Other code (profiles, keychain entries, adapters) depends on these keys: they must not drift. */
const fixedParameters = {
  okta: { token: ['Token', true], url: ['Target URL', false], deprovisionMode: ['Deprovision by', false] },
  cognito: {
    accessKeyId: ['AccessKey Id', false],
    accessSecret: ['Access Secret', true],
    region: ['Region', false],
    userPoolId: ['User Pool Id', false],
    url: ['Target URL', false],
  },
  coupa: {
    authMethod: ['Sign in with', false],
    clientId: ['Client identifier', false],
    clientSecret: ['Client secret', true],
    scopes: ['Scopes', false],
    apiKey: ['API key', true],
    url: ['Target URL', false],
    customProperties: ['Custom properties', false],
    concurrency: ['Pages fetched at once', false],
  },
  gotomeeting: {
    grantType: ['Sign in with', false],
    personalAccessToken: ['Personal access token', true],
    username: ['Username', false],
    password: ['Password', true],
    clientId: ['Client Id', false],
    clientSecret: ['Client Secret', true],
    accountKey: ['Account key', false],
    url: ['Target URL', false],
  },
} as const

/** Every connector's, after its own: the organisation's CA certificate (networkParameters.ts). */
const commonParameters = { caCertificate: ['Organisation CA certificate', false] } as const

describe('the connector catalogue', () => {
  it('lists one descriptor per connector id, alphabetical by label', () => {
    expect(connectors.map((descriptor) => descriptor.id).sort()).toEqual([...connectorIds].sort())
    const labels = connectors.map((descriptor) => descriptor.label)
    expect(labels).toEqual([...labels].sort((left, right) => left.localeCompare(right)))
  })

  it.each(connectorIds)('keeps the fixed parameter keys, labels and secret flags of %s', (id) => {
    const descriptor = getDescriptor(id)
    const actual = Object.fromEntries(descriptor.parameters.map((parameter) => [parameter.key, [parameter.label, parameter.secret]]))
    expect(actual).toEqual({ ...fixedParameters[id], ...commonParameters })
  })

  it.each(connectorIds)('gives %s an extension schema named after it and help text for every parameter', (id) => {
    const descriptor = getDescriptor(id)
    expect(descriptor.id).toBe(id)
    expect(descriptor.extensionSchema).toBe(`urn:lanyard:scim:schemas:extension:${id}:2.0:User`)
    for (const parameter of descriptor.parameters) expect(parameter.help.length, parameter.key).toBeGreaterThan(20)
  })

  it('marks the target URL kind url everywhere, optional only for Cognito', () => {
    for (const descriptor of connectors) {
      const url = descriptor.parameters.find((parameter) => parameter.key === 'url')
      expect(url?.kind, descriptor.id).toBe('url')
      expect(url?.required, descriptor.id).toBe(descriptor.id !== 'cognito')
    }
  })

  it('defaults the GoToMeeting target URL to the Admin API address and asks for an email as username', () => {
    const parameters = getDescriptor('gotomeeting').parameters
    expect(parameters.find((parameter) => parameter.key === 'url')?.defaultValue).toBe('https://api.getgo.com/admin/rest/v1/')
    expect(parameters.find((parameter) => parameter.key === 'username')?.kind).toBe('email')
  })

  it("gives Cognito groups a Description to create and change, a row of Lanyard's own beside the reference's", () => {
    const groups = findObjectType(getDescriptor('cognito'), 'groups')!
    expect(groups.mapping.find((row) => row.scim === 'Extension.Description')).toEqual({
      scim: 'Extension.Description',
      native: 'Description',
      access: 'readWrite',
      origin: 'lanyard',
    })
    expect(groups.mapping.filter((row) => row.origin === 'lanyard')).toHaveLength(1)
  })

  it('offers the Cognito Regions as a labelled choice', () => {
    const region = getDescriptor('cognito').parameters.find((parameter) => parameter.key === 'region')
    expect(region?.kind).toBe('select')
    expect(region?.options).toBe(cognitoRegions)
    expect(cognitoRegions).toContainEqual({ value: 'eu-west-1', label: 'eu-west-1 — Europe (Ireland)' })
    expect(cognitoRegions).toContainEqual({ value: 'us-east-1', label: 'us-east-1 — US East (N. Virginia)' })
    expect(new Set(cognitoRegions.map((option) => option.value)).size).toBe(cognitoRegions.length)
    for (const option of cognitoRegions) expect(option.value).toMatch(/^[a-z]{2}(-gov)?-[a-z]+-\d$/)
  })

  it('records the paging facts the limitations describe', () => {
    expect(getDescriptor('okta').paging).toMatchObject({ style: 'cursor', step: 100, totalCount: false })
    expect(getDescriptor('coupa').paging).toMatchObject({ style: 'offset', maxPageSize: 50, totalCount: false })
    expect(getDescriptor('cognito').paging).toMatchObject({ style: 'token', maxPageSize: 60, totalCount: false })
    expect(getDescriptor('gotomeeting').paging).toMatchObject({ style: 'offset', totalCount: true })
  })

  it('finds object types by route id and answers undefined for one the target lacks', () => {
    const coupa = getDescriptor('coupa')
    expect(findObjectType(coupa, 'roles')?.referenceName).toBe('Roles')
    expect(findObjectType(coupa, 'user-groups')?.referenceName).toBe('UserGroups (approval groups)')
    expect(findObjectType(getDescriptor('okta'), 'roles')).toBeUndefined()
  })

  it('tells a known connector id from an unknown one', () => {
    expect(isConnectorId('okta')).toBe(true)
    expect(isConnectorId('salesforce')).toBe(false)
    expect(isConnectorId('toString')).toBe(false)
  })

  it('cannot be changed at run time', () => {
    const users = findObjectType(getDescriptor('okta'), 'users')
    expect(() => (users?.mandatoryFields as string[]).push('title')).toThrow(TypeError)
    expect(() => {
      ;(getDescriptor('coupa').paging as { maxPageSize: number }).maxPageSize = 500
    }).toThrow(TypeError)
  })
})
