import type {
  CallInput,
  CallName,
  CallOutput,
  EventName,
  EventPayload,
  LanyardApi,
} from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import type { ProfileView } from '../../../shared/profiles'
import { createEventListeners } from '../../../renderer/src/api/eventListeners'
import { mainEventsAfter, mainEventsAfterFailure } from './mainEvents'

type Answer<N extends CallName> = (input: CallInput<N>) => Result<CallOutput<N>> | Promise<Result<CallOutput<N>>>
export type FakeAnswers = { [N in CallName]?: Answer<N> }

export interface RecordedCall {
  name: CallName
  input: unknown
}

export interface FakeLanyardApi extends LanyardApi {
  calls: RecordedCall[]
  callsTo(name: CallName): unknown[]
  answer<N extends CallName>(name: N, answer: Answer<N>): void
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

/**
 * A stand-in for `window.lanyard`: answers from a table the test sets, records every call.
 * A call without an answer fails the way main would for an unknown situation, so a test
 * notices it instead of silently passing. After a change it emits what main emits (`mainEvents.ts`),
 * before the answer arrives as over IPC: the renderer refreshes only from
 * those events, so a refresh that is missing or doubled shows in the calls a test counts.
 * `emitsMainEvents: false` leaves every event to the test.
 */
export function createFakeLanyardApi(initial: FakeAnswers = {}, options: { emitsMainEvents?: boolean } = {}): FakeLanyardApi {
  const emitsMainEvents = options.emitsMainEvents ?? true
  const answers: FakeAnswers = { ...initial }
  const calls: RecordedCall[] = []
  const { on, emit } = createEventListeners()

  return {
    calls,
    callsTo: (name) => calls.filter((call) => call.name === name).map((call) => call.input),
    answer(name, answer) {
      ;(answers as Record<string, unknown>)[name] = answer
    },
    async invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
      calls.push({ name, input: structuredClone(input) })
      const answer = answers[name] as Answer<N> | undefined
      if (!answer) return { ok: false, error: { code: 'internal', message: `The fake API has no answer for ${name}.` } }
      const result = await answer(input)
      if (emitsMainEvents) {
        const events = result.ok ? mainEventsAfter(name, input, result.value) : mainEventsAfterFailure(name, input, result.error)
        for (const { event, payload } of events) emit(event, structuredClone(payload))
      }
      return result
    },
    on,
    emit,
  }
}

let nextId = 1

/** A profile as main would report it; ids are valid UUIDs so contract schemas accept them. */
export function profileView(overrides: Partial<ProfileView> = {}): ProfileView {
  const number = nextId++
  return {
    id: `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
    connectorId: 'okta',
    name: `Okta ${number}`,
    environment: 'sandbox',
    values: { url: 'https://acme.okta.com' },
    secrets: { token: 'stored' },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  }
}
