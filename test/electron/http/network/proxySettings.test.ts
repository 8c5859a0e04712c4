import { describe, expect, it } from 'vitest'
import { bypasses, proxyRouteFor, routeFromEnvironment, routeFromPacAnswer, UnusableProxyError } from '../../../../electron/http/network/proxySettings'

const url = (text: string) => new URL(text)

describe('proxy settings', () => {
  it('reads a PAC answer as Chromium gives it: the first entry Lanyard can use', () => {
    expect(routeFromPacAnswer('DIRECT')).toEqual({ kind: 'direct' })
    expect(routeFromPacAnswer('PROXY proxy.corp:8080; DIRECT')).toEqual({ kind: 'proxy', proxy: new URL('http://proxy.corp:8080') })
    expect(routeFromPacAnswer('SOCKS5 s:1080; PROXY p:3128')).toEqual({ kind: 'proxy', proxy: new URL('http://p:3128') })
    // Never around a proxy the system names: a setting with nothing usable fails, it does not go direct.
    expect(() => routeFromPacAnswer('SOCKS5 s:1080; HTTPS p:443')).toThrow(UnusableProxyError)
  })

  it('falls back to HTTPS_PROXY, then HTTP_PROXY; lower case first', () => {
    expect(routeFromEnvironment(url('https://a.example.com'), { HTTP_PROXY: 'http://h:1' })).toEqual({ kind: 'proxy', proxy: new URL('http://h:1') })
    expect(routeFromEnvironment(url('https://a.example.com'), { HTTPS_PROXY: 'p:2', HTTP_PROXY: 'http://h:1' })).toEqual({ kind: 'proxy', proxy: new URL('http://p:2') })
    expect(routeFromEnvironment(url('https://a.example.com'), { https_proxy: 'http://l:3', HTTPS_PROXY: 'http://u:4' })).toEqual({ kind: 'proxy', proxy: new URL('http://l:3') })
    expect(routeFromEnvironment(url('https://a.example.com'), {})).toEqual({ kind: 'direct' })
  })

  it('NO_PROXY names hosts and their subdomains, with an optional port; * is every host', () => {
    expect(bypasses(url('https://acme.okta.com'), 'okta.com')).toBe(true)
    expect(bypasses(url('https://acme.okta.com'), '.okta.com')).toBe(true)
    expect(bypasses(url('https://acme.okta.com'), '*.okta.com')).toBe(true)
    expect(bypasses(url('https://notokta.com'), 'okta.com')).toBe(false)
    expect(bypasses(url('https://acme.okta.com'), 'coupa.com, okta.com:8443')).toBe(false)
    expect(bypasses(url('https://acme.okta.com:8443'), 'coupa.com okta.com:8443')).toBe(true)
    expect(bypasses(url('https://10.0.0.5'), '10.0.0.5')).toBe(true)
    expect(bypasses(url('https://anything'), '*')).toBe(true)
  })

  it("this computer's addresses never go through a proxy; a failing system resolver leaves the environment to decide", async () => {
    const environment = { HTTPS_PROXY: 'http://p:1' }
    const resolver = async () => 'PROXY q:2'
    expect(await proxyRouteFor(url('https://127.0.0.1:9/'), resolver, environment)).toEqual({ kind: 'direct' })
    expect(await proxyRouteFor(url('https://[::1]:9/'), resolver, environment)).toEqual({ kind: 'direct' })
    expect(await proxyRouteFor(url('https://a.example.com'), resolver, environment)).toEqual({ kind: 'proxy', proxy: new URL('http://q:2') })
    const broken = async () => Promise.reject(new Error('no session'))
    expect(await proxyRouteFor(url('https://a.example.com'), broken, environment)).toEqual({ kind: 'proxy', proxy: new URL('http://p:1') })
  })
})
