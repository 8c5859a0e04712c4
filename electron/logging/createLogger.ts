import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './Logger'
import { Redactor } from './redact'
import { createRotatingAppender, defaultRotation, type RotationOptions } from './rotatingFile'

export interface LoggerOptions {
  /** The data folder; lines go to `<directory>/logs/lanyard.log`. */
  directory: string
  /** Also echo each line to the console (development). */
  console: boolean
  /** Size-based rotation of the log file; tests make it tiny. */
  rotation?: RotationOptions
}

type Level = 'info' | 'warn' | 'error'

export interface FileLogger extends Logger {
  readonly filePath: string
}

export function logFilePath(directory: string): string {
  return join(directory, 'logs', 'lanyard.log')
}

/**
 * JSON lines, one per event: `{"time","level","message",…fields}`. Every line passes through the
 * redactor as a whole (message and fields, nested objects and Errors included) before it is
 * written anywhere.
 *
 * Lines are appended synchronously: a desktop app logs little, and a line written just before a
 * crash is the one a support engineer needs. A log that cannot be written never breaks the
 * operation that logged: lines then go to the console. The file is rotated by size
 * (`lanyard.log` → `lanyard.1.log` …), so a flood of lines cannot fill the disk.
 */
export function createLogger(options: LoggerOptions): FileLogger {
  const redactor = new Redactor()
  const filePath = logFilePath(options.directory)
  let fileUsable = true
  const giveUpOnFile = () => {
    fileUsable = false
    console.error(`Lanyard cannot write its log file ${filePath}; logging to the console only.`)
  }
  try {
    mkdirSync(join(options.directory, 'logs'), { recursive: true })
  } catch {
    giveUpOnFile()
  }
  const append = createRotatingAppender(filePath, options.rotation ?? defaultRotation)

  function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
    const record = redactor.value({ ...fields, time: new Date().toISOString(), level, message })
    const line = `${JSON.stringify(record)}\n`
    if (fileUsable) {
      try {
        append(line)
      } catch {
        giveUpOnFile()
      }
    }
    if (options.console || !fileUsable) (level === 'info' ? console.log : console.error)(line.trimEnd())
  }

  return {
    filePath,
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    registerSecret: (value) => redactor.register(value),
  }
}
