import { nextTick } from 'vue'

/**
 * Whether keyboard focus has fallen back to the page: the focused control left the DOM or was
 * disabled (the Deprovision button once the user is suspended, a membership's Remove once it is
 * gone). A keyboard user would otherwise have to Tab from the top of the window again.
 */
export function focusIsLost(): boolean {
  const active = document.activeElement
  if (!active || active === document.body || !active.isConnected) return true
  return active instanceof HTMLButtonElement && active.disabled
}

/** After the DOM has caught up with a change, puts focus on `fallback` if it was lost. */
export async function keepFocus(fallback: () => HTMLElement | null | undefined): Promise<void> {
  await nextTick()
  if (focusIsLost()) fallback()?.focus()
}
