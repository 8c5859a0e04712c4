import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, describe, expect, it } from 'vitest'
import { dataFolderLockFile } from '../../electron/paths'
import { secretAccount } from '../../electron/secrets/SecretStore'
import { oktaProfile } from '../support/profileInputs'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './support/previewApp'

const keychainService = process.env.LANYARD_KEYCHAIN_SERVICE ?? 'lanyard'

/** One contract call through the preview bridge, as the page makes it. */
async function invoke(app: PreviewApp, name: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const url = new URL(app.url)
  const response = await fetch(new URL(`/api/invoke/${name}`, url.origin), {
    method: 'POST',
    headers: { Origin: url.origin, 'X-Lanyard-Token': url.searchParams.get('token') ?? '', 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
}

/** What a second writer would break: the profiles, the journal, the lock itself. */
async function folderState(app: PreviewApp): Promise<Record<string, string | null>> {
  const read = (name: string) => readFile(join(app.home, name), 'utf8').catch(() => null)
  return { profiles: await read('profiles.json'), journal: await read('journal.jsonl'), lock: await read('lanyard.lock') }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// Two real preview processes on one LANYARD_HOME: the second leaves, naming the first, and the first goes on.
describe('one writer per data folder, between real processes', () => {
  const apps: PreviewApp[] = []
  const env = { LANYARD_SANDBOX: 'off' }
  let profileId = ''

  afterAll(async () => {
    if (profileId) await keytar.deletePassword(keychainService, secretAccount(profileId, 'token'))
    for (const app of apps) await app.stop()
    if (apps[0]) await removeDataFolder(apps[0])
  })

  it('refuses a second preview on the same folder with a message naming the first, and changes nothing', async () => {
    const first = await startPreviewApp({ env })
    apps.push(first)
    const created = await invoke(first, 'profiles.create', oktaProfile('Okta training', { token: 'okta-token-of-the-first-window' }))
    expect(created.ok).toBe(true)
    profileId = (created.value as { id: string }).id
    const before = await folderState(first)
    expect(JSON.parse(before.lock ?? '{}')).toMatchObject({ pid: first.pid, door: 'preview' })

    const second = startPreviewApp({ home: first.home, env })
    await expect(second).rejects.toThrow(
      `preview exited with 1:\nLanyard preview could not start: Lanyard is already open in another window (pid ${first.pid}, preview) — close it or use another LANYARD_HOME`,
    )

    expect(await folderState(first)).toEqual(before)
    expect(await keytar.getPassword(keychainService, secretAccount(profileId, 'token'))).toBe('okta-token-of-the-first-window')
    const listed = await invoke(first, 'profiles.list')
    expect(listed.ok).toBe(true)
    expect(JSON.stringify(listed.value)).toContain('Okta training')
  })

  it('lets the folder go when the first stops, and takes it over after a kill -9', async () => {
    const [first] = apps.splice(0)
    if (!first) throw new Error('the first test starts the first preview')
    await first.stop()
    expect(await readFile(dataFolderLockFile(first.home), 'utf8').catch(() => 'no lock')).toBe('no lock')

    const again = await startPreviewApp({ home: first.home, env })
    process.kill(again.pid, 'SIGKILL')
    await expect.poll(() => isAlive(again.pid)).toBe(false)
    // The killed process could not remove its lock: the next start finds it stale and takes it.
    expect(JSON.parse(await readFile(dataFolderLockFile(first.home), 'utf8'))).toMatchObject({ pid: again.pid })

    const third = await startPreviewApp({ home: first.home, env })
    apps.push(third)
    expect(JSON.parse(await readFile(dataFolderLockFile(first.home), 'utf8'))).toMatchObject({ pid: third.pid, door: 'preview' })
    expect(JSON.stringify((await invoke(third, 'profiles.list')).value)).toContain('Okta training')
  })
})
