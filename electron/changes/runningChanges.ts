/**
 * The changes running now, by journal entry, each with the controller that cancels it
 * (`directory.cancelChange`). Cancelling aborts the change's signal, and the change records how far
 * it got as it always does (recordChange): nothing sent, the steps done, or a request on its way.
 */
export class RunningChanges {
  private readonly controllers = new Map<string, AbortController>()

  add(entryId: string, controller: AbortController): void {
    this.controllers.set(entryId, controller)
  }

  delete(entryId: string): void {
    this.controllers.delete(entryId)
  }

  /** False when the change is no longer running (it finished as the person pressed Cancel): its entry says how it ended. */
  cancel(entryId: string): boolean {
    const controller = this.controllers.get(entryId)
    controller?.abort()
    return controller !== undefined
  }
}
