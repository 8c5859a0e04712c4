import { computed } from 'vue'
import type { TableRowsView } from '../../../stores/tableRows'
import { useScrollerViewport } from './useScrollerViewport'
import { scrollTopToShow, showsLastRow, visibleWindow } from './virtualWindow'

/** Used until the scroller has been laid out (and in DOMs that do no layout). */
const fallbackViewportHeight = 480

/**
 * The scrolling half of a virtualized grid with one fixed row height: where the scroller is, how
 * tall it is (followed as the window resizes), which rows are in the DOM, and scrolling a row into
 * view. `rows` keeps the same array while pages arrive, so it is read through `rows().items` in each
 * computed (never cached in one: a computed holding the same array would tell nobody it grew).
 */
export function useVirtualRows(options: { rows: () => TableRowsView; rowHeight: () => number; overscan: number }) {
  const { scroller, scrollTop, viewportHeight, onScroll, scrollToTop } = useScrollerViewport(fallbackViewportHeight)

  const view = () => ({ scrollTop: scrollTop.value, viewportHeight: viewportHeight.value, rowHeight: options.rowHeight(), rowCount: options.rows().items.length })
  const rowWindow = computed(() => visibleWindow({ ...view(), overscan: options.overscan }))
  const visibleRows = computed(() => {
    const { start, end } = rowWindow.value
    return options.rows().items.slice(start, end).map((item, offset) => ({ item, index: start + offset }))
  })

  function scrollToIndex(index: number): void {
    const element = scroller.value
    if (!element || index < 0) return
    const target = scrollTopToShow(index, element.scrollTop, viewportHeight.value, options.rowHeight())
    if (target === element.scrollTop) return
    element.scrollTop = target
    scrollTop.value = target
  }

  return {
    scroller,
    viewportHeight,
    rowWindow,
    visibleRows,
    onScroll,
    scrollToIndex,
    scrollToTop,
    /** The last row is in view: the person got there before the next page did. */
    showsLastRow: () => showsLastRow(view()),
  }
}
