import { onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * Where a scrolling element is and how tall it is, followed as the window resizes: what a
 * virtualized list needs to know which rows to put in the DOM. `fallbackHeight` is used until the
 * scroller has been laid out (and in DOMs that do no layout).
 */
export function useScrollerViewport(fallbackHeight: number) {
  const scroller = ref<HTMLElement | null>(null)
  const scrollTop = ref(0)
  const viewportHeight = ref(fallbackHeight)
  let resizeObserver: ResizeObserver | null = null

  function measure(): void {
    const height = scroller.value?.clientHeight ?? 0
    viewportHeight.value = height > 0 ? height : fallbackHeight
  }

  function onScroll(): void {
    scrollTop.value = scroller.value?.scrollTop ?? 0
  }

  /** Back to the first row: the scroll position belonged to the previous list. */
  function scrollToTop(): void {
    if (scroller.value) scroller.value.scrollTop = 0
    scrollTop.value = 0
  }

  onMounted(() => {
    measure()
    if (typeof ResizeObserver === 'function' && scroller.value) {
      resizeObserver = new ResizeObserver(measure)
      resizeObserver.observe(scroller.value)
    }
  })
  onBeforeUnmount(() => resizeObserver?.disconnect())

  return { scroller, scrollTop, viewportHeight, onScroll, scrollToTop }
}
