import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/**
 * Every file under the folder, as text (latin1: a secret written in binary still shows as its
 * bytes), for the tests that prove no secret is on disk. A file gone between listing and reading
 * is an atomic write's temporary file already renamed into place (the sandbox tenants save their
 * state while a test looks), so it is skipped, not an error: its text is in the file it became.
 */
export async function filesUnder(home: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = []
  for (const entry of await readdir(home, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    try {
      files.push({ path: relative(home, path), text: await readFile(path, 'latin1') })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return files
}
