import { computed, onBeforeUnmount, ref, watch, type ComputedRef } from 'vue'

/**
 * Milliseconds left until `until` (epoch ms), kept current each second while there is a time to
 * count down to, and null when there is none. The clock runs only then: a view may hold many of
 * these, nearly always with nothing to count.
 */
export function useTimeLeft(until: () => number | null): ComputedRef<number | null> {
  const now = ref(Date.now())
  let ticking: ReturnType<typeof setInterval> | undefined

  function stop(): void {
    clearInterval(ticking)
    ticking = undefined
  }

  watch(
    until,
    (at) => {
      now.value = Date.now()
      if (at === null) stop()
      else ticking ??= setInterval(() => (now.value = Date.now()), 1_000)
    },
    { immediate: true },
  )
  onBeforeUnmount(stop)

  return computed(() => {
    const at = until()
    return at === null ? null : Math.max(0, at - now.value)
  })
}
