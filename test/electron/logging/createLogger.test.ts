import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../electron/logging/createLogger'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()

function logLines(filePath: string): Record<string, unknown>[] {
  return readFileSync(filePath, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('createLogger', () => {
  it('writes one JSON line per event to logs/lanyard.log in the data folder', () => {
    const directory = newDirectory()
    const logger = createLogger({ directory, console: false })
    logger.info('services started', { profiles: 3 })
    logger.warn('keychain slow')
    logger.error('call failed', { call: 'profiles.list' })

    expect(logger.filePath).toBe(`${directory}/logs/lanyard.log`)
    const lines = logLines(logger.filePath)
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ['info', 'services started'],
      ['warn', 'keychain slow'],
      ['error', 'call failed'],
    ])
    expect(lines[0]).toMatchObject({ profiles: 3 })
    expect(Date.parse(String(lines[0]?.time))).not.toBeNaN()
  })

  it('masks a registered secret in the message, in nested fields and inside Error objects and their causes', () => {
    const logger = createLogger({ directory: newDirectory(), console: false })
    const secret = 'okta-token-7fQz!9'
    logger.registerSecret(secret)
    const cause = new Error(`upstream said ${secret}`)
    logger.error(`request with ${secret} failed`, {
      request: { headers: [{ value: `prefix-${secret}-suffix` }] },
      error: Object.assign(new Error(`bad token ${secret}`, { cause }), { extra: { echoed: secret } }),
    })

    const text = readFileSync(logger.filePath, 'utf8')
    expect(text).not.toContain(secret)
    const [line] = logLines(logger.filePath)
    expect(line?.message).toBe('request with [redacted] failed')
    expect(JSON.stringify(line?.error)).toContain('bad token [redacted]')
    expect(JSON.stringify(line?.error)).toContain('upstream said [redacted]')
  })

  it('masks the usual secret shapes even when nobody registered the value', () => {
    const logger = createLogger({ directory: newDirectory(), console: false })
    logger.info('outgoing', {
      text: 'Authorization: SSWS 00abcDEFghi and Bearer eyJhbGciOi.xyz',
      url: 'https://api.example.com/users?token=abc123&limit=5',
      raw: 'X-COUPA-API-KEY: 0123456789abcdef',
      headers: { 'X-COUPA-API-KEY': 'c0ffee', Authorization: 'whatever', accept: 'application/json' },
    })
    const text = readFileSync(logger.filePath, 'utf8')
    for (const leaked of ['00abcDEFghi', 'eyJhbGciOi', 'abc123', '0123456789abcdef', 'c0ffee', 'whatever']) {
      expect(text).not.toContain(leaked)
    }
    const [line] = logLines(logger.filePath)
    expect(line?.url).toBe('https://api.example.com/users?token=[redacted]&limit=5')
    expect(line?.headers).toEqual({ 'X-COUPA-API-KEY': '[redacted]', Authorization: '[redacted]', accept: 'application/json' })
  })

  it('survives circular fields', () => {
    const logger = createLogger({ directory: newDirectory(), console: false })
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    logger.info('circular', { loop })
    expect(logLines(logger.filePath)[0]?.loop).toEqual({ name: 'loop', self: '[circular]' })
  })

  it('echoes the redacted line to the console in development', () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const logger = createLogger({ directory: newDirectory(), console: true })
    logger.registerSecret('hunter2-secret')
    logger.info('typed hunter2-secret')
    expect(print).toHaveBeenCalledOnce()
    expect(String(print.mock.calls[0]?.[0])).toContain('typed [redacted]')
  })

  it('keeps working on the console when the log file cannot be written', () => {
    const print = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    // A data "folder" that is really a file: the logs folder cannot be created inside it.
    const notAFolder = join(newDirectory(), 'file')
    writeFileSync(notAFolder, '')
    const logger = createLogger({ directory: notAFolder, console: false })
    expect(() => logger.error('still fine')).not.toThrow()
    expect(print.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('cannot write its log file'),
      expect.stringContaining('"message":"still fine"'),
    ])
  })
})
