import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChangeLine } from '../components/changeLines'

export type ToastKind = 'success' | 'info' | 'error'

export interface Toast {
  id: number
  kind: ToastKind
  message: string
}

export interface ConfirmationRequest {
  title: string
  message: string
  confirmLabel: string
  /** When set, the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string
  /** Marks a destructive action: the confirm button is styled as danger. */
  danger?: boolean
  /** What the change will do, line by line (before → after), shown under the message. */
  lines?: readonly ChangeLine[]
}

interface PendingConfirmation extends ConfirmationRequest {
  resolve: (confirmed: boolean) => void
}

/** Errors stay until dismissed (they may need reading twice); the rest fade after a while. */
const toastLifetimeMs = 6000

/**
 * Toasts and the one app-wide confirmation dialog (drawn by `shell/AppConfirmation.vue`): every
 * view and panel asks through `confirm`. Nothing here talks to the API.
 */
export const useUiStore = defineStore('ui', () => {
  const toasts = ref<Toast[]>([])
  const confirmation = ref<PendingConfirmation | null>(null)
  let nextToastId = 1

  function showToast(message: string, kind: ToastKind = 'success'): number {
    const id = nextToastId++
    toasts.value.push({ id, kind, message })
    if (kind !== 'error') setTimeout(() => dismissToast(id), toastLifetimeMs)
    return id
  }

  function dismissToast(id: number): void {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }

  /** Opens the confirmation dialog; resolves true when the person confirms, false otherwise. */
  function confirm(request: ConfirmationRequest): Promise<boolean> {
    confirmation.value?.resolve(false)
    return new Promise((resolve) => {
      confirmation.value = { ...request, resolve }
    })
  }

  function settleConfirmation(confirmed: boolean): void {
    const pending = confirmation.value
    confirmation.value = null
    pending?.resolve(confirmed)
  }

  return { toasts, confirmation, showToast, dismissToast, confirm, settleConfirmation }
})
