import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import { importPreviewSchema } from '../../../shared/profiles'
import { createLogger, type FileLogger } from '../../../electron/logging/createLogger'
import { defaultBodyLimits } from '../../../electron/preview/requestBody'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'
import { errorOf, rawRequest, usePreviewServer } from './previewHarness'

const newDirectory = useTemporaryDirectories()

function logLines(logger: FileLogger): Record<string, unknown>[] {
  const text = readFileSync(logger.filePath, 'utf8').trimEnd()
  return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('preview bridge: bad requests get a clean JSON refusal', () => {
  let importPreview: ReturnType<typeof vi.fn>
  let logger: FileLogger
  const bridge = usePreviewServer(() => {
    importPreview = vi.fn(async () => [])
    logger = createLogger({ directory: newDirectory(), console: false })
    return { handlers: { 'profiles.importPreview': importPreview as Handlers['profiles.importPreview'] }, logger }
  })
  const invokePath = (name: string) => `/api/invoke/${name}`
  const callHeaders = (extra: Record<string, string> = {}) => ({
    'Content-Type': 'application/json',
    'X-Lanyard-Token': bridge.token,
    Origin: bridge.server.origin,
    ...extra,
  })

  it('answers a malformed percent-encoding in the call name with 400 invalid_input', async () => {
    const response = await bridge.invoke('%E0%A4%A')
    expect(response.status).toBe(400)
    const error = await errorOf(response)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('call name')
  })

  it('answers a request target that is not a URL with 400 invalid_input', async () => {
    const answer = await rawRequest(bridge.server.origin, { method: 'GET', path: 'http://[x/' })
    if (answer === 'aborted') throw new Error('expected an answer')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('answers a request line or headers too large for the HTTP parser with a JSON refusal, not an empty one', async () => {
    const answer = await rawRequest(bridge.server.origin, { path: invokePath('x'.repeat(110_000)), headers: callHeaders() })
    if (answer === 'aborted') throw new Error('expected an answer')
    expect(answer.status).toBe(431)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(logLines(logger).filter((line) => line.message === 'preview request refused')).toHaveLength(1)
  })

  it('answers 413 at once when Content-Length promises too much, without waiting for the body', async () => {
    const answer = await rawRequest(bridge.server.origin, {
      path: invokePath('profiles.importPreview'),
      headers: callHeaders({ 'Content-Length': String(defaultBodyLimits.bytes + 1) }),
      chunks: ['{"content":"'],
    })
    if (answer === 'aborted') throw new Error('expected an answer')
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(importPreview).not.toHaveBeenCalled()
  })

  it('admits the largest legitimate call: an import file at the contract limit, in 3-byte characters', async () => {
    const maxCharacters = importPreviewSchema.shape.content.maxLength ?? 0
    const content = '名'.repeat(maxCharacters)
    const response = await bridge.invoke('profiles.importPreview', { body: JSON.stringify({ content }) })
    expect(await response.json()).toEqual({ ok: true, value: [] })
    expect(importPreview.mock.calls[0]?.[0]).toEqual({ content })
  })

  it('refuses a body nested deeper than the limit before parsing it', async () => {
    const parse = vi.spyOn(JSON, 'parse')
    const deep = `${'['.repeat(defaultBodyLimits.depth + 1)}${']'.repeat(defaultBodyLimits.depth + 1)}`
    const flood = '['.repeat(8 * 1024 * 1024)
    for (const body of [deep, flood]) {
      const response = await bridge.invoke('profiles.importPreview', { body })
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid_input')
      expect(error.message).toContain(`${defaultBodyLimits.depth} levels`)
      expect(parse.mock.calls.some(([text]) => text === body)).toBe(false)
    }
    expect(importPreview).not.toHaveBeenCalled()
  })

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const content = `${'[{'.repeat(500)} \\" "${'{'.repeat(500)}`
    const response = await bridge.invoke('profiles.importPreview', { body: JSON.stringify({ content }) })
    expect(await response.json()).toEqual({ ok: true, value: [] })
    expect(importPreview.mock.calls[0]?.[0]).toEqual({ content })
  })

  it('refuses a call whose body is not declared as JSON with 415', async () => {
    const response = await bridge.invoke('profiles.importPreview', { contentType: 'text/plain', body: '{"content":""}' })
    expect(response.status).toBe(415)
    expect((await errorOf(response)).code).toBe('invalid_input')
    expect(importPreview).not.toHaveBeenCalled()
  })

  it('writes one line without a stack trace for each refused request', async () => {
    const refusals = [
      () => bridge.invoke('%E0%A4%A'),
      () => bridge.invoke('profiles.list', { body: '{not json' }),
      () => bridge.invoke('profiles.list', { body: '['.repeat(100) }),
      () => bridge.invoke('profiles.list', { contentType: 'text/plain' }),
      () => bridge.invoke('profiles.list', { token: 'guess' }),
      () => fetch(`${bridge.server.origin}/api/invoke/profiles.list`),
    ]
    for (const refuse of refusals) {
      const response = await refuse()
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
      expect((await errorOf(response)).code).toMatch(/^(invalid_input|auth_failed)$/)
    }
    const lines = logLines(logger)
    expect(lines).toHaveLength(refusals.length)
    for (const line of lines) {
      expect(line.level).toBe('warn')
      expect(line.code).toMatch(/^(invalid_input|auth_failed)$/)
      expect(JSON.stringify(line)).not.toContain('stack')
    }
  })

  it('writes one line without a stack trace for each upload cut off mid-body, and keeps answering', async () => {
    const uploads = 5
    for (let index = 0; index < uploads; index += 1) {
      const outcome = await rawRequest(bridge.server.origin, {
        path: invokePath('profiles.importPreview'),
        headers: callHeaders({ 'Content-Length': '1000' }),
        chunks: ['{"content":"'],
        abort: true,
      })
      expect(outcome).toBe('aborted')
    }
    await vi.waitFor(() => expect(logLines(logger)).toHaveLength(uploads))
    for (const line of logLines(logger)) {
      expect(line).toMatchObject({ level: 'warn', code: 'cancelled' })
      expect(JSON.stringify(line)).not.toContain('stack')
    }
    expect(await (await bridge.invoke('profiles.importPreview', { body: '{"content":""}' })).json()).toEqual({ ok: true, value: [] })
  })
})

describe('preview bridge: a body over the size limit', () => {
  const bridge = usePreviewServer(() => ({ limits: { bytes: 1000 } }))

  it('answers 413 with a JSON Result instead of resetting the connection', async () => {
    const answer = await rawRequest(bridge.server.origin, {
      path: '/api/invoke/profiles.importPreview',
      headers: { 'Content-Type': 'application/json', 'X-Lanyard-Token': bridge.token, Origin: bridge.server.origin },
      chunks: ['{"content":"', 'x'.repeat(600), 'x'.repeat(600), '"}'],
    })
    if (answer === 'aborted') throw new Error('expected an answer')
    expect(answer.status).toBe(413)
    const result = JSON.parse(answer.body) as { ok: boolean; error: { code: string; message: string } }
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(result.error.message).toContain('too large')
  })
})
