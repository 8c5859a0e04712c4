/*
 * The account a profile signs in with (the API token's owner, the signed-in administrator, the API
 * user): deprovisioning it would lock Lanyard out of the target, its own undo included. Each adapter
 * says, from a deprovision snapshot, whether the user is that account (`Deprovisions.ownAccount`);
 * DeprovisionService and the offboarding refuse it unless the call overrides with a stated reason.
 */

/**
 * `ask`, sent once for the connector's life: who the credentials sign in as does not change while
 * the profile does not (the pool builds a new connector when it does), so one request per session
 * of the profile, on its first deprovision. A failed ask is not remembered: the next one asks again.
 */
export function askedOnce<T>(ask: (signal?: AbortSignal) => Promise<T>): (signal?: AbortSignal) => Promise<T> {
  let answer: Promise<T> | null = null
  return (signal) => {
    answer ??= ask(signal).catch((error: unknown) => {
      answer = null
      throw error
    })
    return answer
  }
}
