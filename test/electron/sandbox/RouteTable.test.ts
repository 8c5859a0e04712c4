import { describe, expect, it } from 'vitest'
import { RouteTable } from '../../../electron/sandbox/framework/RouteTable'

describe('RouteTable', () => {
  const routes = new RouteTable<string>()
    .add('GET', '/api/v1/users/me', 'me')
    .add('GET', '/api/v1/users/:userId', 'get user')
    .add('DELETE', '/api/v1/users/:userId', 'delete user')
    .add('POST', '/api/v1/users/:userId/lifecycle/:operation', 'lifecycle')

  it('captures URL-decoded parameters', () => {
    expect(routes.match('GET', '/api/v1/users/a%40example.com')).toEqual({ kind: 'found', handler: 'get user', params: { userId: 'a@example.com' } })
    expect(routes.match('POST', '/api/v1/users/00u1/lifecycle/suspend')).toEqual({
      kind: 'found',
      handler: 'lifecycle',
      params: { userId: '00u1', operation: 'suspend' },
    })
  })

  it('lets earlier literal routes win over parameterised ones', () => {
    expect(routes.match('GET', '/api/v1/users/me')).toMatchObject({ handler: 'me' })
  })

  it('tells a wrong method apart from an unknown path', () => {
    expect(routes.match('PATCH', '/api/v1/users/00u1')).toEqual({ kind: 'method_not_allowed', allowed: ['GET', 'DELETE'] })
    expect(routes.match('GET', '/api/v1/nothing')).toEqual({ kind: 'not_found' })
    expect(routes.match('GET', '/api/v1/users/00u1/extra/segments')).toEqual({ kind: 'not_found' })
  })

  it('ignores doubled and trailing slashes and matches methods in any case', () => {
    expect(routes.match('get', '//api/v1//users/00u1/')).toMatchObject({ kind: 'found', params: { userId: '00u1' } })
  })

  it('does not match a segment that is not valid percent-encoding', () => {
    expect(routes.match('GET', '/api/v1/users/%E0%A4%A')).toEqual({ kind: 'not_found' })
  })
})
