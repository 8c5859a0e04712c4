import { describe, expect, it } from 'vitest'
import { gotomeeting } from '../../../../shared/catalogue/gotomeeting'
import { deprovision, readDeprovisionSnapshot, undoDeprovision } from '../../../../electron/connectors/gotomeeting/goToDeprovision'
import type { GoToContext } from '../../../../electron/connectors/gotomeeting/goToTypes'
import type { HttpRequest } from '../../../../electron/http/types'

/*
 * Custom roles (GoTo "role sets") also keep a user from being suspended (G11). The sandbox account
 * has none, so these steps are checked against a recorded Admin API: the calls GoTo's own
 * onboarding scripts make (G7).
 */

function recordedApi(user: Record<string, unknown>) {
  const sent: string[] = []
  const context: GoToContext = {
    api: {
      async request(request: HttpRequest) {
        sent.push(`${request.method} ${request.path}`)
        if (request.method === 'GET' && request.path.endsWith('/licenses?offset=0&pageSize=1000')) {
          return { status: 200, headers: {}, data: { results: [{ key: '7', description: 'GoTo Meeting Business' }], total: 1 } }
        }
        if (request.method === 'GET') return { status: 200, headers: {}, data: user }
        return { status: 204, headers: {}, data: '' }
      },
    },
    users: gotomeeting.objectTypes[0]!,
    groups: gotomeeting.objectTypes[1]!,
    accountKey: '1',
    signInHost: 'authentication.logmeininc.com',
  }
  return { context, sent }
}

describe('GoToMeeting deprovision of a user with a custom role', () => {
  it('removes the role set by email and gives it back on undo', async () => {
    const user = { key: '42', email: 'ada@example.com', firstName: 'Ada', lastName: 'L', status: 'ACTIVE', licenseKeys: ['7'], adminRoles: [], roleSets: ['rs-1'] }
    const { context, sent } = recordedApi(user)
    const snapshot = await readDeprovisionSnapshot(context, '42')
    expect(snapshot.extra).toEqual({ licenses: [{ key: '7', name: 'GoTo Meeting Business' }], adminRoles: [], roleSets: ['rs-1'] })

    sent.length = 0
    const steps = await deprovision(context, '42', snapshot)
    expect(steps.map((step) => step.name)).toEqual(["Remove Ada L's custom roles", "Remove Ada L's licences (GoTo Meeting Business)"])
    expect(sent).toEqual(['DELETE /accounts/1/users/rolesets?filter=email%20eq%20%22ada%40example.com%22', 'PUT /accounts/1/users/42'])

    Object.assign(user, { status: 'SUSPENDED', licenseKeys: [], roleSets: [] })
    sent.length = 0
    await undoDeprovision(context, '42', snapshot)
    expect(sent).toEqual(['GET /accounts/1/users/42', 'PUT /accounts/1/users/42', 'PUT /accounts/1/rolesets/rs-1/users?filter=email%20eq%20%22ada%40example.com%22'])
  })
})
