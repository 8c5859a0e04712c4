import type { ConnectorId } from '../../../shared/catalogue/types'
import type { SandboxOptions } from '../types'

/*
 * What main and the sandbox process (sandboxProcessMain.ts) say to each other over the child's IPC
 * channel. A tenant's address and credentials travel only here, never in a log line or on stdout.
 */

/** Main → the sandbox process. `close` stops every tenant (each saves its state) and ends the process. */
export type SandboxRequest =
  | { kind: 'start'; requestId: number; connectorId: ConnectorId; options: SandboxOptions }
  | { kind: 'stop'; requestId: number; connectorId: ConnectorId }
  | { kind: 'close'; requestId: number }

/** The sandbox process → main, one answer per request. */
export type SandboxReply =
  | { kind: 'started'; requestId: number; connectorId: ConnectorId; url: string; credentials: Record<string, string> }
  | { kind: 'done'; requestId: number }
  | { kind: 'failed'; requestId: number; message: string }
