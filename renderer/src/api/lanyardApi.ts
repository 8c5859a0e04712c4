import type { LanyardApi } from '../../../shared/contract'
import { createBridgeClient } from './bridgeClient'

declare global {
  interface Window {
    /** Set by Electron's preload; absent when the page runs in a browser against the preview bridge. */
    lanyard?: LanyardApi
  }
}

let installed: LanyardApi | null = null

/** The one API object every store talks to. Views never call it directly. */
export function installApi(api: LanyardApi): void {
  installed = api
}

export function useApi(): LanyardApi {
  if (!installed) throw new Error('The Lanyard API was not installed before the first call.')
  return installed
}

/** Electron's preload when present, otherwise the preview bridge: no view knows the difference. */
export function resolveApi(): LanyardApi {
  return window.lanyard ?? createBridgeClient()
}
