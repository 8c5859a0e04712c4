import { appendFileSync, renameSync, statSync } from 'node:fs'

export interface RotationOptions {
  /** A file reaching this size is moved aside before the next line. */
  maxBytes: number
  /** How many moved-aside files to keep: lanyard.1.log (newest) … lanyard.<keep>.log. */
  keep: number
}

/** 5 MB a file and three older ones: weeks of a help-desk day's lines, at most 20 MB on disk. */
export const defaultRotation: RotationOptions = { maxBytes: 5 * 1024 * 1024, keep: 3 }

/** `logs/lanyard.log` → `logs/lanyard.2.log` for the second-newest file moved aside. */
export function rotatedPath(filePath: string, index: number): string {
  return filePath.replace(/(\.[^./]+)?$/, (extension) => `.${index}${extension}`)
}

/**
 * An appender that keeps a file under `maxBytes` by moving it aside first, synchronously like the
 * lines themselves. Each step is one rename, which is atomic: a crash part-way through leaves
 * every line in some file, at worst with a number missing from the older ones, which the next
 * rotation steps over. The size is read once at start, so an earlier run's lines count.
 * Throws what the file system throws; the logger decides what to do then.
 */
export function createRotatingAppender(filePath: string, rotation: RotationOptions): (text: string) => void {
  let size = sizeOf(filePath)

  function rotate(): void {
    for (let index = rotation.keep - 1; index >= 1; index -= 1) renameIfPresent(rotatedPath(filePath, index), rotatedPath(filePath, index + 1))
    renameIfPresent(filePath, rotatedPath(filePath, 1))
    size = 0
  }

  return (text) => {
    const bytes = Buffer.byteLength(text)
    if (size > 0 && size + bytes > rotation.maxBytes) rotate()
    appendFileSync(filePath, text, { encoding: 'utf8', mode: 0o600 })
    size += bytes
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function renameIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
