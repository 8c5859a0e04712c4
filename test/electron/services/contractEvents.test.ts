import type { WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames, eventNames, type Handlers } from '../../../shared/contract'
import { eventChannel } from '../../../electron/ipc/channels'
import { registerContract } from '../../../electron/ipc/registerContract'
import { appSchemeLocation } from '../../../electron/window/rendererLocation'
import { validEventExamples } from '../../support/contractExamples'
import { FakeWebContents, resetElectronStandIn } from '../../support/electronStandIn'
import { createRecordingLogger } from '../../support/recordingLogger'
import { usePreviewServer } from '../preview/previewHarness'

vi.mock('electron', () => import('../../support/electronStandIn'))

/*
 * Events leave main by two doors, IPC to the Electron window and the preview bridge's event
 * stream. Both must check each event against the contract the same way: the same tests run at each.
 */

interface Received {
  event: string
  payload: unknown
}

interface EventDoor {
  logger: ReturnType<typeof createRecordingLogger>
  emit(event: string, payload: unknown): void
  /** Every event that reached the page so far, in order. */
  received(): Promise<Received[]>
}

/** Fields a careless spread could carry from a service into an event. */
const secretLike = { clientSecret: 'leak-1', password: 'leak-2', token: 'leak-3', secrets: { apiKey: 'leak-4' }, note: 'an extra field' }

function useIpcDoor(): () => EventDoor {
  let door: EventDoor
  beforeEach(() => {
    resetElectronStandIn()
    const location = appSchemeLocation()
    const contents = new FakeWebContents(location.url)
    const logger = createRecordingLogger()
    const handlers = Object.fromEntries(callNames.map((name) => [name, async () => null])) as unknown as Handlers
    const registration = registerContract({ handlers, logger, location, ourContents: () => contents as unknown as WebContents })
    door = {
      logger,
      emit: registration.emit as EventDoor['emit'],
      received: async () =>
        contents.sent.map(({ channel, args }) => {
          expect(channel).toBe(eventChannel)
          return { event: args[0] as string, payload: args[1] }
        }),
    }
  })
  return () => door
}

function usePreviewDoor(): () => EventDoor {
  let logger = createRecordingLogger()
  const bridge = usePreviewServer(() => {
    logger = createRecordingLogger()
    return { logger }
  })
  let controller: AbortController
  let reader: ReadableStreamDefaultReader<Uint8Array>
  beforeEach(async () => {
    controller = new AbortController()
    const response = await fetch(`${bridge.server.origin}/api/events?token=${bridge.token}`, { signal: controller.signal })
    reader = response.body!.getReader()
    await reader.read() // the ": connected" comment
  })
  afterEach(() => controller.abort())

  // The stream has no end to wait for: a last, valid event marks where this test's events stop.
  const marker = { event: 'profiles.changed', payload: { profileIds: ['end-of-test'] } }
  const received = async (): Promise<Received[]> => {
    bridge.server.emit('profiles.changed', marker.payload)
    let text = ''
    const decoder = new TextDecoder()
    while (!text.includes(JSON.stringify(marker.payload))) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the event stream ended before the marker')
      text += decoder.decode(value, { stream: true })
    }
    const messages = text.split('\n\n').filter((message) => message.length > 0)
    const parsed = messages.map((message) => {
      const [eventLine = '', dataLine = ''] = message.split('\n')
      return { event: eventLine.replace(/^event: /, ''), payload: JSON.parse(dataLine.replace(/^data: /, '')) as unknown }
    })
    expect(parsed.at(-1)).toEqual(marker)
    return parsed.slice(0, -1)
  }
  return () => ({ logger, emit: bridge.server.emit as EventDoor['emit'], received })
}

describe.each([
  ['the IPC door', useIpcDoor],
  ['the preview bridge', usePreviewDoor],
])('events through %s', (_door, useDoor) => {
  const door = useDoor()

  it('sends every contract event with only the fields the contract declares', async () => {
    for (const event of eventNames) door().emit(event, { ...validEventExamples[event], ...secretLike })
    const received = await door().received()
    expect(received).toEqual(eventNames.map((event) => ({ event, payload: validEventExamples[event] })))
    expect(JSON.stringify(received)).not.toMatch(/leak-|clientSecret|password|token|apiKey|extra field/)
    expect(door().logger.lines).toEqual([])
  })

  it('does not send an event whose payload does not match the contract, and logs it once as a bug without its values', async () => {
    door().emit('profiles.changed', { profileIds: 'leak-5', token: 'leak-6' })
    const received = await door().received()
    expect(received).toEqual([])
    const lines = door().logger.lines
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'error', message: expect.stringContaining('bug'), fields: { event: 'profiles.changed' } })
    expect(JSON.stringify(lines)).toContain('profileIds')
    expect(JSON.stringify(lines)).not.toContain('leak-')
  })

  it('does not send an event that is not in the contract, and logs it once', async () => {
    door().emit('secrets.dumped', { all: true, token: 'leak-7' })
    expect(await door().received()).toEqual([])
    expect(door().logger.lines).toEqual([expect.objectContaining({ level: 'error', fields: expect.objectContaining({ event: 'secrets.dumped' }) })])
    expect(JSON.stringify(door().logger.lines)).not.toContain('leak-')
  })
})

describe('the contract events', () => {
  it('declare no secret-like field (each example fills in every field)', () => {
    const keysOf = (value: unknown): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
        : []
    for (const event of eventNames) {
      expect(keysOf(validEventExamples[event]).filter((key) => /secret|password|token|api.?key|credential/i.test(key)), event).toEqual([])
    }
  })
})
