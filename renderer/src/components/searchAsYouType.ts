import { onBeforeUnmount, readonly, ref, watch, type Ref } from 'vue'

/** How long before the search out is sent again its replacement goes: so the old one is cancelled, not sent and then cancelled. */
const replaceAheadMs = 50

export interface SearchAsYouType {
  /** The box's text changed. */
  typed(text: string): void
  /** Drops a text still waiting for its turn (the search out now is the caller's to cancel). */
  cancel(): void
  /** A newer text waits for the search out to end: whatever is shown is not the box's text's. */
  readonly waiting: Readonly<Ref<boolean>>
}

/**
 * Search as you type at one round trip, with no fixed wait. The first keystroke after a pause asks
 * at once; while that search is out, later keystrokes only note the newest text, which is asked the
 * moment the answer comes (or the search ends any other way), unless it is what `current` says is
 * already shown (the store's search: another path, such as the command palette, may have set it).
 * So a box never has more than one search out: a fast typist's middle keystrokes send nothing, a
 * key typed slower than one round trip costs one request, and the last text is answered at most one
 * round trip after the answer before it. Except when `resendsAt` says the search out waits to be
 * sent again (a busy answer's backoff, a 429's wait): its answer is no longer wanted, so the newest
 * text takes its place in the wait, asked just before the search out would have been sent again,
 * rather than after all its retries have failed: no more requests than before, and fewer. `run`
 * resolves when its search has ended (answered, failed or replaced); it must not reject.
 */
export function searchAsYouType(run: (text: string) => Promise<unknown>, current: () => string, resendsAt: () => number | null = () => null): SearchAsYouType {
  let out = false
  let asked = 0
  let next: string | undefined
  let replacing: ReturnType<typeof setTimeout> | undefined
  const waiting = ref(false)

  function ask(text: string): void {
    const number = ++asked
    out = true
    void run(text).finally(() => {
      // A search replaced while it waited ends later: the newer one is out.
      if (number === asked) answered()
    })
  }

  function answered(): void {
    out = false
    const text = next
    cancel()
    if (text !== undefined && text !== current()) ask(text)
  }

  function cancel(): void {
    next = undefined
    waiting.value = false
    stopReplacing()
  }
  onBeforeUnmount(cancel)

  function stopReplacing(): void {
    clearTimeout(replacing)
    replacing = undefined
  }

  /** While the search out waits to be sent again and a newer text waits too, the newer one goes just before. */
  function replaceBeforeResend(): void {
    const at = resendsAt()
    if (at === null || !out || next === undefined || replacing !== undefined) return
    replacing = setTimeout(() => {
      replacing = undefined
      const text = next
      cancel()
      if (text !== undefined && text !== current()) ask(text)
    }, Math.max(0, at - Date.now() - replaceAheadMs))
  }

  // A wait that begins after the newer text was typed counts too; one that ended (the search out was
  // sent again) leaves that attempt to be answered.
  watch(resendsAt, (at) => (at === null ? stopReplacing() : replaceBeforeResend()))

  return {
    typed(text) {
      if (out) {
        next = text
        waiting.value = true
        replaceBeforeResend()
      } else if (text !== current()) ask(text)
    },
    cancel,
    waiting: readonly(waiting),
  }
}
