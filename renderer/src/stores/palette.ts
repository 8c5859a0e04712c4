import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Whether the command palette is open: the shortcut, the top bar's button and the palette itself share it. */
export const usePaletteStore = defineStore('palette', () => {
  const isOpen = ref(false)
  return {
    isOpen,
    open: () => void (isOpen.value = true),
    close: () => void (isOpen.value = false),
  }
})
