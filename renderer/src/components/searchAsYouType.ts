import { onBeforeUnmount, readonly, ref, type Ref } from 'vue'

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
 * round trip after the answer before it. `run` resolves when its search has ended (answered,
 * failed or replaced); it must not reject.
 */
export function searchAsYouType(run: (text: string) => Promise<unknown>, current: () => string): SearchAsYouType {
  let out = false
  let next: string | undefined
  const waiting = ref(false)

  function ask(text: string): void {
    out = true
    void run(text).finally(answered)
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
  }
  onBeforeUnmount(cancel)

  return {
    typed(text) {
      if (out) {
        next = text
        waiting.value = true
      } else if (text !== current()) ask(text)
    },
    cancel,
    waiting: readonly(waiting),
  }
}
