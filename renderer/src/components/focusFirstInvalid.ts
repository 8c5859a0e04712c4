import { nextTick } from 'vue'

/**
 * After a form's checks mark fields wrong: the first marked control (in the order the person
 * reads the form) is scrolled into view and focused, so Save or Create leads to what must be
 * fixed rather than to a confirmation. Controls are marked by FormField's `aria-invalid`.
 */
export async function focusFirstInvalid(form: HTMLElement | null): Promise<void> {
  await nextTick()
  const control = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (!control) return
  control.scrollIntoView?.({ block: 'center' })
  control.focus()
}

/**
 * After the target refused a create or an edit: the field it refused, as above; when it named
 * none (a network failure, a refusal of the whole request), the error itself (ErrorDetails,
 * focusable for this), so the person's eye lands on why rather than on the page body.
 */
export async function focusRefusal(form: HTMLElement | null): Promise<void> {
  await nextTick()
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.error-details')
  if (!target) return
  target.scrollIntoView?.({ block: 'center' })
  target.focus()
}
