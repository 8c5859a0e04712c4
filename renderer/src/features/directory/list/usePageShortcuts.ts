import { onBeforeUnmount, onMounted } from 'vue'

export interface PageShortcuts {
  /** `/`: go to the search box (its text is then selected, so what is typed next replaces it). */
  focusSearch(): void
  /** ArrowUp / ArrowDown pressed outside any control. */
  moveSelection(delta: number): void
  /** Escape: close the open panel; answers false when no panel was open. */
  closePanel(): boolean
  /** Escape with no panel open. */
  clearSearch(): void
  /** The side panel's element: fields in it keep their own keys. */
  panel(): HTMLElement | null
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, button, a, [role="grid"], [contenteditable="true"]') !== null
}

/**
 * The list page's keys, listened to on the whole document while the page is shown. A modal
 * dialog owns its keys (its Escape cancels the dialog, not the panel behind it); a key someone
 * else already handled (`defaultPrevented`) is left alone; and Escape in a field of the side
 * panel does not close the panel, so an edit being typed is never thrown away by a reflex.
 */
export function usePageShortcuts(shortcuts: PageShortcuts): void {
  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target
    if (target instanceof Element && target.closest('dialog, [aria-modal="true"]')) return
    const inPanel = target instanceof Node && (shortcuts.panel()?.contains(target) ?? false)

    if (event.key === '/' && !isTextEntry(target)) {
      event.preventDefault()
      shortcuts.focusSearch()
      const focused = document.activeElement
      if (focused instanceof HTMLInputElement) focused.select()
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !isControl(target) && !inPanel) {
      event.preventDefault()
      shortcuts.moveSelection(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Escape' && !(inPanel && isTextEntry(target))) {
      if (!shortcuts.closePanel()) shortcuts.clearSearch()
    }
  }

  onMounted(() => document.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => document.removeEventListener('keydown', onKeydown))
}
