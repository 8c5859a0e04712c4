import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../electron/logging/createLogger'
import { AppError } from '../../../electron/errors/AppError'
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

  it('logs an expected refusal (an AppError with a known code) without its stack, and its cause in one phrase', () => {
    const logger = createLogger({ directory: newDirectory(), console: false })
    logger.registerSecret('s3cret-value')
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:9 with s3cret-value')
    const codes = ['invalid_input', 'auth_failed', 'cancelled', 'not_found', 'conflict', 'rate_limited', 'network'] as const
    for (const code of codes) {
      logger.warn('refused', { error: new AppError(code, `refused: ${code}`, { cause, details: { requestId: 'r-1' } }) })
    }
    const lines = logLines(logger.filePath)
    expect(lines).toHaveLength(codes.length)
    lines.forEach((line, index) => {
      expect(line.error).toEqual({
        name: 'AppError',
        code: codes[index],
        message: `refused: ${codes[index]}`,
        details: { requestId: 'r-1' },
        cause: 'Error: connect ECONNREFUSED 127.0.0.1:9 with [redacted]',
      })
    })
    expect(readFileSync(logger.filePath, 'utf8')).not.toMatch(/stack|s3cret-value/)
  })

  it('keeps the stack of an unexpected error: an internal AppError or anything else thrown', () => {
    const logger = createLogger({ directory: newDirectory(), console: false })
    logger.error('failed', { error: new AppError('internal', 'journal not writable') })
    logger.error('failed', { error: new TypeError('x is undefined') })
    for (const line of logLines(logger.filePath)) {
      expect(String((line.error as { stack?: string }).stack)).toMatch(/\n\s+at /)
    }
  })
})

describe('createLogger rotation', () => {
  const rotation = { maxBytes: 300, keep: 3 }
  const fileAt = (directory: string, index: number) => join(directory, 'logs', index === 0 ? 'lanyard.log' : `lanyard.${index}.log`)
  const numbersIn = (path: string) => logLines(path).map((line) => Number(line.n))

  it('moves a full log to lanyard.1.log and so on, keeps three older files, and loses no line among them', () => {
    const directory = newDirectory()
    const logger = createLogger({ directory, console: false, rotation })
    for (let n = 0; n < 100; n += 1) logger.info('line', { n })

    expect(existsSync(fileAt(directory, 4))).toBe(false)
    const kept = [3, 2, 1, 0].flatMap((index) => {
      expect(statSync(fileAt(directory, index)).size).toBeLessThanOrEqual(rotation.maxBytes)
      return numbersIn(fileAt(directory, index))
    })
    // Oldest to newest, without a gap, ending with the last line written.
    expect(kept.at(-1)).toBe(99)
    expect(kept).toEqual(kept.map((_, index) => 99 - kept.length + 1 + index))
    expect(kept.length).toBeGreaterThan(4)
  })

  it('counts what an earlier run left in the log', () => {
    const directory = newDirectory()
    const earlier = createLogger({ directory, console: false, rotation })
    do earlier.info('earlier run')
    while (statSync(earlier.filePath).size < rotation.maxBytes - 40)
    const later = createLogger({ directory, console: false, rotation })
    later.info('later run', { padding: 'x'.repeat(60) })
    expect(logLines(fileAt(directory, 1)).every((line) => line.message === 'earlier run')).toBe(true)
    expect(logLines(later.filePath).map((line) => line.message)).toEqual(['later run'])
  })

  it('carries on when an older file is missing (a rotation cut short by a crash)', () => {
    const directory = newDirectory()
    const logger = createLogger({ directory, console: false, rotation })
    for (let n = 0; n < 40; n += 1) logger.info('line', { n })
    rmSync(fileAt(directory, 2))
    for (let n = 40; n < 100; n += 1) logger.info('line', { n })
    expect(numbersIn(logger.filePath).at(-1)).toBe(99)
    expect(existsSync(fileAt(directory, 4))).toBe(false)
  })
})
