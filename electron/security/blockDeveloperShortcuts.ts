import type { Input, WebContents } from 'electron'

/**
 * In a packaged build the renderer's keys must not open DevTools or reload the page (a reload
 * in the middle of a change loses what the form held). DevTools are off in webPreferences and the
 * menu has no such items; this stops the keys themselves, whichever keyboard layout produced them
 * (so by `code`, not `key`): F12, Ctrl/Cmd+Shift or +Alt with I, J or C, Ctrl/Cmd+R, F5.
 */
export function blockDeveloperShortcuts(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isDeveloperShortcut(input)) event.preventDefault()
  })
}

type Keys = Pick<Input, 'type' | 'code' | 'control' | 'meta' | 'shift' | 'alt'>

const inspectorKeys: ReadonlySet<string> = new Set(['KeyI', 'KeyJ', 'KeyC'])

export function isDeveloperShortcut(input: Keys): boolean {
  if (input.type !== 'keyDown') return false
  const command = input.control || input.meta
  if (input.code === 'F12' || input.code === 'F5') return true
  if (command && input.code === 'KeyR') return true
  return command && (input.shift || input.alt) && inspectorKeys.has(input.code)
}
