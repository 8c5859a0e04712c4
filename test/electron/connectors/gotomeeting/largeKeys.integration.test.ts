import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createGoToMeetingConnector } from '../../../../electron/connectors/gotomeeting/createGoToMeetingConnector'
import { createRecordingLogger } from '../../../support/recordingLogger'

/*
 * GoTo's own create example answers keys as bare JSON numbers beyond 2^53 (B.2). The sandbox
 * answers strings, so a tiny server that answers numbers stands in for GoTo here.
 */

const bigUserKey = '78888886011013972886849029'
const bigGroupKey = '9007199254740993'
const bigLicenseKey = '7902142105473202120'
const userJson = `{"key": ${bigUserKey}, "email": "jtianno@company.com", "firstName": "Janco", "lastName": "Tianno", "status": "ACTIVE", "licenseKeys": [${bigLicenseKey}], "groupKey": ${bigGroupKey}, "groupName": "Sales"}`

let server: Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

async function startNumericKeyServer(paths: string[]): Promise<string> {
  server = createServer((request, response) => {
    paths.push(request.url ?? '')
    const url = new URL(request.url ?? '/', 'http://stub')
    const send = (text: string) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(text)
    if (url.pathname === '/oauth/token') return send('{"access_token": "stub-access-token", "expires_in": 3600}')
    if (url.pathname === '/admin/rest/v1/accounts/1/users') return send(`{"results": [${userJson}], "fromIndex": 0, "toIndex": 0, "total": 1}`)
    if (url.pathname === `/admin/rest/v1/accounts/1/users/${bigUserKey}`) return send(userJson)
    if (url.pathname === '/admin/rest/v1/accounts/1/licenses') {
      return send(`{"results": [{"key": ${bigLicenseKey}, "description": "GoTo Meeting Business", "products": ["G2M"]}], "fromIndex": 0, "toIndex": 0, "total": 1}`)
    }
    if (url.pathname === `/admin/rest/v1/accounts/1/groups/${bigGroupKey}`) return send(`{"key": ${bigGroupKey}, "name": "Sales", "userKeys": [${bigUserKey}]}`)
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/admin/rest/v1/`
}

describe('GoToMeeting keys beyond 2^53', () => {
  it('come through digit for digit as ids and go back into request paths unchanged', async () => {
    const paths: string[] = []
    const url = await startNumericKeyServer(paths)
    const connector = createGoToMeetingConnector({
      profileId: 'p',
      profileName: 'Stub',
      environment: 'sandbox',
      values: { url, username: 'admin@company.com', clientId: 'client', accountKey: '1' },
      secrets: { password: 'pw', clientSecret: 'secret' },
      logger: createRecordingLogger(),
    })
    try {
      const page = await connector.list('users', { search: '', pageSize: 10 })
      expect(page.items.map((item) => item.id)).toEqual([bigUserKey])
      expect(page.items[0]?.attributes.id).toBe(bigUserKey)
      const user = await connector.get('users', bigUserKey)
      expect(user.id).toBe(bigUserKey)
      const groups = await connector.listGroupsOf(bigUserKey, 'groups', { pageSize: 10 })
      expect(groups.items.map((item) => item.id)).toEqual([bigGroupKey])
      const snapshot = await connector.readDeprovisionSnapshot(bigUserKey)
      expect(snapshot.extra.licenses).toEqual([{ key: bigLicenseKey, name: 'GoTo Meeting Business' }])
      expect(snapshot.groups).toEqual([{ id: bigGroupKey, name: 'Sales' }])
      expect(paths).toContain(`/admin/rest/v1/accounts/1/users/${bigUserKey}`)
      expect(paths).toContain(`/admin/rest/v1/accounts/1/groups/${bigGroupKey}`)
    } finally {
      connector.close()
    }
  })
})
