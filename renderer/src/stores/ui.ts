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
  /** What the person should know first (GoTo re-activates a deleted account); they may still confirm. */
  warnings?: readonly string[]
}

/** A password the confirmation asks for (finishing a create whose password step did not happen). */
export interface PasswordQuestion {
  label: string
  help: string
}

/** A line of text the confirmation asks for (a ticket or reason); `required` keeps confirm locked until it is given. */
export interface NoteQuestion {
  label: string
  help: string
  required: boolean
}

interface PendingConfirmation extends ConfirmationRequest {
  /** Set only by `confirmWithPassword`: the question, never the typed value. */
  password?: PasswordQuestion
  /** Set only by `confirmWithNote`. */
  note?: NoteQuestion
  resolve: (confirmed: boolean, answer?: string) => void
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

  function ask(request: ConfirmationRequest, question: { password?: PasswordQuestion; note?: NoteQuestion }, resolve: PendingConfirmation['resolve']): void {
    confirmation.value?.resolve(false)
    confirmation.value = { ...request, ...question, resolve }
  }

  /** Opens the confirmation dialog; resolves true when the person confirms, false otherwise. */
  function confirm(request: ConfirmationRequest): Promise<boolean> {
    return new Promise((resolve) => ask(request, {}, (confirmed) => resolve(confirmed)))
  }

  /**
   * The same dialog with a password field. Resolves the typed password, or null on cancel. The
   * value goes straight from the dialog to the caller: it is never part of this store's state.
   */
  function confirmWithPassword(request: ConfirmationRequest, password: PasswordQuestion): Promise<string | null> {
    return new Promise((resolve) => ask(request, { password }, (confirmed, typed) => resolve(confirmed && typed ? typed : null)))
  }

  /** The same dialog with a line of text to give: resolves it trimmed ('' when optional and left empty), or null on cancel. */
  function confirmWithNote(request: ConfirmationRequest, note: NoteQuestion): Promise<string | null> {
    return new Promise((resolve) => ask(request, { note }, (confirmed, typed) => resolve(confirmed ? (typed ?? '').trim() : null)))
  }

  function settleConfirmation(confirmed: boolean, answer?: string): void {
    const pending = confirmation.value
    confirmation.value = null
    pending?.resolve(confirmed, answer)
  }

  return { toasts, confirmation, showToast, dismissToast, confirm, confirmWithPassword, confirmWithNote, settleConfirmation }
})
