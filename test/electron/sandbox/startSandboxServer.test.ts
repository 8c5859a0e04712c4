import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { allFaultKinds, answerLosingFaultKinds, FaultInjector } from '../../../electron/sandbox/framework/FaultInjector'
import { createRandom } from '../../../electron/sandbox/framework/random'
import { readJsonBody, type SandboxTarget } from '../../../electron/sandbox/framework/sandboxHttp'
import { startSandboxServer, type SandboxServer } from '../../../electron/sandbox/framework/startSandboxServer'

/** A target that echoes what it was given, and answers faults in its own words. */
const echoTarget: SandboxTarget = {
  handle: (request) => {
    const body = readJsonBody(request)
    if (!body.ok) return { status: 400, body: { problem: body.reason } }
    return { status: 200, headers: { 'X-Echo': 'yes' }, body: { method: request.method, path: request.path, q: request.query.get('q'), body: body.value } }
  },
  answerFault: (kind) => ({ status: kind === 'rate_limit' ? 429 : 500, headers: { 'X-Fault': kind }, body: { fault: kind } }),
}

describe('startSandboxServer', () => {
  const servers: SandboxServer[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })
  const start = async (options: { port?: number; latencyMs?: number; bodyLimitBytes?: number; target?: SandboxTarget } = {}) => {
    const faults = new FaultInjector(createRandom(7))
    const server = await startSandboxServer({ target: echoTarget, faults, ...options })
    servers.push(server)
    return { server, faults }
  }

  it('serves the target on 127.0.0.1 with a JSON body and the query decoded (+ and %20 alike)', async () => {
    const { server } = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${server.url}/things?q=a+b%20c`, { method: 'POST', body: JSON.stringify({ name: 'x' }) })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-echo')).toBe('yes')
    expect(await response.json()).toEqual({ method: 'POST', path: '/things', q: 'a b c', body: { name: 'x' } })
  })

  it('collapses doubled slashes instead of reading the first segment as a host', async () => {
    const { server } = await start()
    const answer = (await (await fetch(`${server.url}//api/v1//users`)).json()) as { path: string }
    expect(answer.path).toBe('/api/v1/users')
  })

  it('hands bad JSON and oversized bodies to the target, which answers in its own format', async () => {
    const { server } = await start({ bodyLimitBytes: 100 })
    const bad = await fetch(server.url, { method: 'POST', body: '{"broken' })
    expect(await bad.json()).toEqual({ problem: 'invalid_json' })
    const large = await fetch(server.url, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(500) }) })
    expect(await large.json()).toEqual({ problem: 'too_large' })
  })

  it('counts every request, faults included', async () => {
    const { server, faults } = await start()
    faults.script([{ kind: 'server_error' }])
    await fetch(server.url)
    await fetch(server.url)
    await fetch(server.url)
    expect(server.requestCount()).toBe(3)
  })

  it('adds the latency before every answer and can change it while running', async () => {
    const { server } = await start({ latencyMs: 150 })
    let began = Date.now()
    await fetch(server.url)
    expect(Date.now() - began).toBeGreaterThanOrEqual(140)
    server.setLatency(0)
    began = Date.now()
    await fetch(server.url)
    expect(Date.now() - began).toBeLessThan(140)
    expect(() => server.setLatency(-1)).toThrow(/milliseconds/)
  })

  it('answers rate-limit and 5xx faults through the target', async () => {
    const { server, faults } = await start()
    faults.script([{ kind: 'rate_limit' }, { kind: 'unavailable' }])
    const limited = await fetch(server.url)
    expect([limited.status, limited.headers.get('x-fault')]).toEqual([429, 'rate_limit'])
    const unavailable = await fetch(server.url)
    expect([unavailable.status, await unavailable.json()]).toEqual([500, { fault: 'unavailable' }])
    expect((await fetch(server.url)).status).toBe(200)
  })

  it('destroys the connection for a reset fault', async () => {
    const { server, faults } = await start()
    faults.script([{ kind: 'reset' }])
    await expect(fetch(server.url)).rejects.toThrow()
    expect((await fetch(server.url)).status).toBe(200)
  })

  it('lets the target apply a request and then loses its answer, by a reset or a 5xx', async () => {
    const applied: string[] = []
    const recording: SandboxTarget = { ...echoTarget, handle: (request) => (applied.push(`${request.method} ${request.path}`), echoTarget.handle(request)) }
    const { server, faults } = await start({ target: recording })
    faults.script([{ kind: 'lost_answer', path: '/one' }, { kind: 'lost_answer_5xx', path: '/two' }])
    await expect(fetch(`${server.url}/one`, { method: 'POST' })).rejects.toThrow()
    const second = await fetch(`${server.url}/two`, { method: 'POST' })
    expect([second.status, await second.json()]).toEqual([500, { fault: 'server_error' }])
    // Both writes reached the target: only their answers were lost on the way back.
    expect(applied).toEqual(['POST /one', 'POST /two'])
  })

  it('keeps lost answers out of the default random kinds, which never let a request through', () => {
    expect(allFaultKinds).not.toContain('lost_answer')
    expect(answerLosingFaultKinds).toEqual(['lost_answer', 'lost_answer_5xx'])
  })

  it('holds a timeout fault until the client gives up', async () => {
    const { server, faults } = await start()
    faults.script([{ kind: 'timeout' }])
    const began = Date.now()
    await expect(fetch(server.url, { signal: AbortSignal.timeout(300) })).rejects.toThrow()
    expect(Date.now() - began).toBeGreaterThanOrEqual(280)
    expect((await fetch(server.url)).status).toBe(200)
  })

  it('closes promptly with a held request and an idle keep-alive socket open', async () => {
    const { server, faults } = await start()
    faults.script([{ kind: 'timeout' }])
    const held = fetch(server.url).catch((error: unknown) => error)
    const idle = connect(server.port, '127.0.0.1')
    await new Promise((resolve) => idle.once('connect', resolve))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const began = Date.now()
    await server.close()
    expect(Date.now() - began).toBeLessThan(1000)
    expect(await held).toBeInstanceOf(Error)
    servers.splice(0)
  })

  it('uses the preferred port when it is free and another one when it is taken', async () => {
    const { server: first } = await start()
    const port = first.port
    await first.close()
    servers.splice(0)
    const { server: again } = await start({ port })
    expect(again.port).toBe(port)
    const { server: other } = await start({ port })
    expect(other.port).not.toBe(port)
  })

  it('hands a request target that is not a valid URL to the target as its path, instead of crashing the process', async () => {
    const { server } = await start()
    const raw = connect(server.port, '127.0.0.1')
    await new Promise((resolve) => raw.once('connect', resolve))
    let received = ''
    raw.on('data', (chunk: Buffer) => (received += chunk.toString()))
    const ended = new Promise((resolve) => raw.once('close', resolve))
    raw.end('GET https://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    await ended
    expect(received).toMatch(/^HTTP\/1\.1 200/)
    expect(received).toContain('"path":"https://["')
    expect((await fetch(server.url)).status).toBe(200)
  })

  it('answers a target failure with the target’s 500 instead of dropping the request', async () => {
    const failing: SandboxTarget = { ...echoTarget, handle: () => { throw new Error('bug') } }
    const { server } = await start({ target: failing })
    const response = await fetch(server.url)
    expect([response.status, await response.json()]).toEqual([500, { fault: 'server_error' }])
  })
})
