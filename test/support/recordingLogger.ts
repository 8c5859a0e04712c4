import type { Logger } from '../../electron/logging/Logger'

export interface RecordedLine {
  level: 'info' | 'warn' | 'error'
  message: string
  fields: Record<string, unknown> | undefined
}

/** A logger that keeps what it was told, for asserting what a service logged and registered. */
export function createRecordingLogger(): Logger & { lines: RecordedLine[]; secrets: Set<string> } {
  const lines: RecordedLine[] = []
  const secrets = new Set<string>()
  return {
    lines,
    secrets,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields }),
    registerSecret: (value) => void secrets.add(value),
  }
}
