import { randomBytes } from 'node:crypto'
import { open, readdir, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const temporaryIdBytes = 6

/**
 * Replaces `path` so that a reader (or a crash) sees either the old file or the new one, never a
 * half-written mix: write a temp file in the same folder (rename is only atomic within one file
 * system), flush it to disk, rename it over the target, then flush the folder so the rename
 * itself survives a power cut. On failure the temp file is removed and the old file is untouched.
 */
export async function writeFileAtomically(path: string, content: string): Promise<void> {
  const temporaryPath = join(dirname(path), `.${basename(path)}.${randomBytes(temporaryIdBytes).toString('hex')}.tmp`)
  try {
    const file = await open(temporaryPath, 'wx', 0o600)
    try {
      await file.writeFile(content, 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporaryPath, path)
  } catch (error) {
    await unlink(temporaryPath).catch(() => undefined)
    throw error
  }
  await syncDirectory(dirname(path))
}

/** Windows cannot open a folder for flushing; there the rename is as durable as it gets. */
async function syncDirectory(directory: string): Promise<void> {
  let handle
  try {
    handle = await open(directory, 'r')
    await handle.sync()
  } catch {
    // Not supported on this platform or file system: the rename has still happened.
  } finally {
    await handle?.close()
  }
}

/**
 * Removes the temp files that a crash in the middle of `writeFileAtomically(path)` left beside
 * `path`: only names it makes (`.<name>.<12 hex digits>.tmp`), never anyone else's. Call at
 * start-up, before anything writes `path` (one Lanyard runs per data folder). Never throws.
 */
export async function removeStaleTemporaryFiles(path: string, onError: (error: unknown) => void): Promise<string[]> {
  const ours = new RegExp(`^\\.${escapeForRegExp(basename(path))}\\.[0-9a-f]{${temporaryIdBytes * 2}}\\.tmp$`)
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error)
    return []
  }
  const removed: string[] = []
  for (const name of names.filter((candidate) => ours.test(candidate))) {
    await unlink(join(dirname(path), name)).then(() => removed.push(name), onError)
  }
  return removed
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
