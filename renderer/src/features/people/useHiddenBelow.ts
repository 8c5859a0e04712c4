import { nextTick, onBeforeUnmount, ref, watch, type Ref } from 'vue'

/**
 * The items of a scrolling list that lie below what it shows, by their index: a small window (1024×700)
 * fits three accounts of an offboarding plan, and a fourth hidden in the scroll area with no sign of
 * it is an account nobody reads before confirming. Measured on scroll, on resize and when the list changes.
 */
export function useHiddenBelow(list: Ref<HTMLElement | null>, items: () => unknown): { hidden: Ref<number[]>; measure: () => void } {
  const hidden = ref<number[]>([])
  let observer: ResizeObserver | null = null

  function measure(): void {
    const element = list.value
    if (!element) {
      hidden.value = []
      return
    }
    // A pixel of slack: a border's rounding is not an account out of sight.
    const bottom = element.getBoundingClientRect().bottom + 1
    const below: number[] = []
    Array.from(element.children).forEach((child, index) => {
      if (child.getBoundingClientRect().bottom > bottom) below.push(index)
    })
    hidden.value = below
  }

  watch(
    [list, items],
    ([element]) => {
      observer?.disconnect()
      observer = null
      if (element && typeof ResizeObserver === 'function') {
        observer = new ResizeObserver(measure)
        observer.observe(element)
      }
      void nextTick(measure)
    },
    { immediate: true, flush: 'post' },
  )
  onBeforeUnmount(() => observer?.disconnect())
  return { hidden, measure }
}
