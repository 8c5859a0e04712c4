import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh folder per test, removed after it. Call at the top of a `describe`. */
export function useTemporaryDirectories(): () => string {
  const created: string[] = []
  afterEach(() => {
    for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true })
  })
  return () => {
    const directory = mkdtempSync(join(tmpdir(), 'lanyard-test-'))
    created.push(directory)
    return directory
  }
}
