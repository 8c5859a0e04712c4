import type { RendererLocation } from '../window/rendererLocation'

/** The parts of an IPC event the guard reads (Electron's `IpcMainInvokeEvent` has them). */
export interface IpcSender {
  sender: unknown
  senderFrame: { parent: unknown; url: string } | null
}

/** The parts of our window's webContents the guard compares against. */
export interface OurContents {
  mainFrame: unknown
}

/**
 * Why a call is refused, or `null` when it comes from our renderer. All three must hold: the
 * event comes from our window's webContents, from its main frame (not an iframe, which could
 * host any page), and that frame shows our renderer's URL (not a page it was navigated to).
 * A frame that is already gone (`senderFrame === null`) proves nothing and is refused.
 */
export function refusalReason(event: IpcSender, ours: OurContents | null, location: RendererLocation): string | null {
  if (ours === null) return 'no main window'
  if (event.sender !== ours) return 'another webContents'
  const frame = event.senderFrame
  if (frame === null) return 'the sending frame is gone'
  if (frame !== ours.mainFrame || frame.parent !== null) return 'a subframe'
  if (!location.allows(frame.url)) return 'a page that is not the Lanyard renderer'
  return null
}
