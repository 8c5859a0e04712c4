import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames, type Handlers } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { eventChannel, invokeChannel } from '../../../electron/ipc/channels'
import { registerContract } from '../../../electron/ipc/registerContract'
import { AppError } from '../../../electron/errors/AppError'
import { appSchemeLocation } from '../../../electron/window/rendererLocation'
import { FakeFrame, FakeWebContents, ipcMain, resetElectronStandIn } from '../../support/electronStandIn'
import { createRecordingLogger } from '../../support/recordingLogger'

vi.mock('electron', () => import('../../support/electronStandIn'))

const profileId = '0b6f1d5e-8c1a-4a57-9a64-2f3c1d0e7b42'
const location = appSchemeLocation()

function recordingHandlers() {
  const ran: string[] = []
  const handlers = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (input: unknown) => {
        ran.push(name)
        return { handledBy: name, input }
      },
    ]),
  ) as unknown as Handlers
  return { handlers, ran }
}

function setUp(handlers = recordingHandlers()) {
  const contents = new FakeWebContents(location.url)
  const logger = createRecordingLogger()
  const registration = registerContract({
    handlers: handlers.handlers,
    logger,
    location,
    ourContents: () => contents as unknown as WebContents,
  })
  const handler = ipcMain.handlers.get(invokeChannel)
  if (!handler) throw new Error('no IPC handler was registered')
  const call = (event: { sender: unknown; senderFrame: FakeFrame | null }, name: string, input: unknown) =>
    handler(event, name, input) as Promise<Result<unknown>>
  const ourEvent = () => ({ sender: contents, senderFrame: contents.mainFrame })
  return { ...handlers, contents, logger, registration, call, ourEvent }
}

beforeEach(() => resetElectronStandIn())

describe('the IPC sender guard', () => {
  it('runs a call that comes from our window, its main frame, showing our renderer', async () => {
    const { call, ourEvent, ran } = setUp()
    const result = await call(ourEvent(), 'profiles.get', { profileId: profileId })
    expect(result).toEqual({ ok: true, value: { handledBy: 'profiles.get', input: { profileId } } })
    expect(ran).toEqual(['profiles.get'])
  })

  it('accepts our renderer with a route in its hash or query', async () => {
    const { call, contents, ran } = setUp()
    contents.mainFrame.url = `${location.url}?tab=2#/profiles/p1`
    const result = await call({ sender: contents, senderFrame: contents.mainFrame }, 'profiles.list', {})
    expect(result.ok).toBe(true)
    expect(ran).toEqual(['profiles.list'])
  })

  it('refuses a call from another webContents without running the handler', async () => {
    const { call, logger, ran } = setUp()
    const stranger = new FakeWebContents(location.url)
    const result = await call({ sender: stranger, senderFrame: stranger.mainFrame }, 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    expect(ran).toEqual([])
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'IPC call refused' }))
  })

  it('refuses another webContents even when it presents our main frame', async () => {
    const { call, contents, ran } = setUp()
    const stranger = new FakeWebContents(location.url)
    const result = await call({ sender: stranger, senderFrame: contents.mainFrame }, 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    expect(ran).toEqual([])
  })

  it('refuses a call from a subframe of our window, even one showing our renderer', async () => {
    const { call, contents, ran } = setUp()
    const iframe = new FakeFrame(location.url, contents.mainFrame)
    const result = await call({ sender: contents, senderFrame: iframe }, 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    expect(ran).toEqual([])
  })

  it('refuses a call once our main frame shows another page', async () => {
    const { call, contents, ran } = setUp()
    for (const url of ['https://evil.example/', 'app://evil/index.html', 'file:///tmp/index.html', 'file:///opt/Lanyard/resources/app/out/renderer/index.html']) {
      contents.mainFrame.url = url
      const result = await call({ sender: contents, senderFrame: contents.mainFrame }, 'profiles.list', {})
      expect(result, url).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    }
    expect(ran).toEqual([])
  })

  it('refuses a call whose frame is already gone', async () => {
    const { call, contents, ran } = setUp()
    const result = await call({ sender: contents, senderFrame: null }, 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    expect(ran).toEqual([])
  })

  it('refuses every call while there is no main window', async () => {
    const { handlers, ran } = recordingHandlers()
    registerContract({ handlers, logger: createRecordingLogger(), location, ourContents: () => null })
    const contents = new FakeWebContents(location.url)
    const result = await ipcMain.handlers.get(invokeChannel)?.({ sender: contents, senderFrame: contents.mainFrame }, 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'auth_failed' } })
    expect(ran).toEqual([])
  })
})

describe('calls through IPC', () => {
  it('answers invalid input with invalid_input and does not run the handler', async () => {
    const { call, ourEvent, ran } = setUp()
    const result = await call(ourEvent(), 'profiles.get', { profileId: 42 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { profileId: expect.any(String) } } })
    expect(ran).toEqual([])
  })

  it('answers a name outside the contract with unsupported', async () => {
    const { call, ourEvent } = setUp()
    const result = await call(ourEvent(), 'shell.exec', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })

  it('reports an AppError with its own code and message', async () => {
    const setup = recordingHandlers()
    setup.handlers['profiles.get'] = async () => {
      throw new AppError('not_found', 'That profile no longer exists.')
    }
    const { call, ourEvent } = setUp(setup)
    const result = await call(ourEvent(), 'profiles.get', { profileId: profileId })
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'That profile no longer exists.' } })
  })

  it('reports any other thrown error as internal, without its message', async () => {
    const setup = recordingHandlers()
    setup.handlers['profiles.list'] = async () => {
      throw new Error('token s3cr3t-value rejected at /internal/path')
    }
    const { call, ourEvent } = setUp(setup)
    const result = await call(ourEvent(), 'profiles.list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('s3cr3t-value')
  })

  it('fails start-up when a contract call has no handler', () => {
    const { handlers } = recordingHandlers()
    const incomplete: Partial<Handlers> = { ...handlers }
    delete incomplete['profiles.import']
    expect(() =>
      registerContract({ handlers: incomplete as Handlers, logger: createRecordingLogger(), location, ourContents: () => null }),
    ).toThrow(/profiles\.import/)
    expect(ipcMain.handlers.has(invokeChannel)).toBe(false)
  })

  it('removes its handler when unregistered', () => {
    const { registration } = setUp()
    registration.unregister()
    expect(ipcMain.handlers.has(invokeChannel)).toBe(false)
  })
})

describe('events to the renderer', () => {
  it('sends a contract event to our window, with only the fields the contract declares', () => {
    const { registration, contents } = setUp()
    const payload = { profileIds: ['p1'], clientSecret: 'never-sent' }
    registration.emit('profiles.changed', payload)
    expect(contents.sent).toEqual([{ channel: eventChannel, args: ['profiles.changed', { profileIds: ['p1'] }] }])
  })

  it('drops an event that is not in the contract', () => {
    const { registration, contents, logger } = setUp()
    const emit = registration.emit as (event: string, payload: unknown) => void
    emit('secrets.dumped', { all: true })
    expect(contents.sent).toEqual([])
    expect(logger.lines.map((line) => line.level)).toEqual(['error'])
  })

  it('drops an event whose payload does not match the contract', () => {
    const { registration, contents } = setUp()
    registration.emit('profiles.changed', { profileIds: 'p1' } as unknown as { profileIds: string[] })
    expect(contents.sent).toEqual([])
  })

  it('sends nothing to a destroyed window', () => {
    const { registration, contents } = setUp()
    contents.destroyed = true
    registration.emit('profiles.changed', { profileIds: ['p1'] })
    expect(contents.sent).toEqual([])
  })
})
