/**
 * The arithmetic of a virtualized list with a fixed row height: which rows are in the DOM for a
 * scroll position, and where to scroll so a row is fully visible. Pure, so it is tested alone.
 */

export interface WindowInput {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  rowCount: number
  /** Rows kept in the DOM above and below the visible ones, so fast scrolling shows no gap. */
  overscan: number
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowWindow {
  start: number
  end: number
}

export function visibleWindow(input: WindowInput): RowWindow {
  const { scrollTop, viewportHeight, rowHeight, rowCount, overscan } = input
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const lastVisible = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight)
  const start = Math.min(rowCount, Math.max(0, firstVisible - overscan))
  const end = Math.min(rowCount, lastVisible + overscan)
  return { start, end: Math.max(start, end) }
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight)
  return scrollTop
}

/** Whether the last visible row is within `threshold` rows of the end: time to ask for the next page. */
export function isNearEnd(window: RowWindow, rowCount: number, overscan: number, threshold: number): boolean {
  const lastVisible = Math.max(0, window.end - overscan)
  return rowCount - lastVisible <= threshold
}

/** Whether the last row is in view: the viewer scrolled there before the next page came, and waits for it. */
export function showsLastRow(input: Omit<WindowInput, 'overscan'>): boolean {
  const { scrollTop, viewportHeight, rowHeight, rowCount } = input
  return rowCount > 0 && Math.max(0, scrollTop) + viewportHeight > (rowCount - 1) * rowHeight
}
