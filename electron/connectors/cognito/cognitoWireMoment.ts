import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'

interface RequestHandler {
  handle: (request: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>
}

/**
 * The moment a call's request goes to the network: the SDK has serialized and signed it and hands
 * it to its HTTP handler, with the signal the call was sent with. A target counts a request when it
 * arrives, so the request budget counts it sent then, not when the call started: a profile's first
 * calls spend 100–150 ms in the SDK before that (budgetArrivalBench.ts), later ones a millisecond or
 * two, and a spread that large is more than the budget allows for. Returns `onTheWire(signal, then)`:
 * `then` runs once, when the call sent with `signal` reaches the handler, or when the function it
 * returns is called first (an answer came: the request went, whatever the SDK did on the way).
 */
export function watchTheWire(client: CognitoIdentityProviderClient): (signal: AbortSignal, then: () => void) => () => void {
  const waiting = new WeakMap<AbortSignal, () => void>()
  const handler = client.config.requestHandler as unknown as RequestHandler
  const handle = handler.handle.bind(handler)
  handler.handle = (request, options) => {
    const signal = options?.abortSignal
    if (signal) waiting.get(signal)?.()
    return handle(request, options)
  }
  return (signal, then) => {
    let done = false
    const once = () => {
      if (done) return
      done = true
      waiting.delete(signal)
      then()
    }
    waiting.set(signal, once)
    return once
  }
}
