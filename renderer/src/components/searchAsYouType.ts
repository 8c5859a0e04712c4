import { onBeforeUnmount, readonly, ref, type Ref } from 'vue'

export interface SearchAsYouType {
  /** The box's text changed. */
  typed(text: string): void
  /** Drops a text still waiting for its turn (the search out now is the caller's to cancel). */
  cancel(): void
  /** A search is out or a newer text waits for its turn: the results shown are not the box's. */
  readonly busy: Readonly<Ref<boolean>>
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
  const busy = ref(false)
  let out = false
  let waiting: string | undefined

  function ask(text: string): void {
    out = true
    busy.value = true
    void run(text).finally(answered)
  }

  function answered(): void {
    out = false
    const next = waiting
    waiting = undefined
    if (next !== undefined && next !== current()) ask(next)
    else busy.value = false
  }

  function cancel(): void {
    waiting = undefined
    if (!out) busy.value = false
  }
  onBeforeUnmount(cancel)

  return {
    typed(text) {
      if (out) {
        waiting = text
        busy.value = true
      } else if (text !== current()) ask(text)
    },
    cancel,
    busy: readonly(busy),
  }
}
