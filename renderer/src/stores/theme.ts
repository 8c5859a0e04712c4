import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

export const themeChoices = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof themeChoices)[number]
export type ShownTheme = Exclude<ThemeChoice, 'system'>

export const themeLabels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/**
 * The theme is a preference of this computer's person, not of a profile or the data folder: it is kept
 * in the renderer's localStorage (Electron keeps it in the app's user-data folder), like the palette's
 * recent people, and read before the first paint.
 */
const storageKey = 'lanyard.ui.theme'
const darkScheme = '(prefers-color-scheme: dark)'

function storedChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(storageKey)
    return themeChoices.find((choice) => choice === stored) ?? 'system'
  } catch {
    // Storage off or unreadable: follow the OS, as a first start does.
    return 'system'
  }
}

/**
 * System, Light or Dark, kept across restarts; System follows the OS's colour scheme as it changes.
 * The theme shown is `data-theme` on <html>, which `styles/app.css` turns into its palette.
 */
export const useThemeStore = defineStore('theme', () => {
  const choice = ref<ThemeChoice>(storedChoice())
  const osQuery = typeof window.matchMedia === 'function' ? window.matchMedia(darkScheme) : null
  const osDark = ref(osQuery?.matches ?? false)
  osQuery?.addEventListener('change', (event) => (osDark.value = event.matches))

  const shown = computed<ShownTheme>(() => (choice.value === 'system' ? (osDark.value ? 'dark' : 'light') : choice.value))
  watch(shown, (theme) => (document.documentElement.dataset.theme = theme), { immediate: true })

  function choose(next: ThemeChoice): void {
    choice.value = next
    try {
      localStorage.setItem(storageKey, next)
    } catch {
      // Storage full or off: the theme changes now, it is just not remembered.
    }
  }

  return { choice, shown, choose }
})
