import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTemporaryDirectories } from '../../support/temporaryDirectory'

const newDirectory = useTemporaryDirectories()
const script = fileURLToPath(new URL('../../support/saveProfileWithoutKeychain.ts', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))

/**
 * The real keytar with no Secret Service to talk to (a D-Bus address that leads nowhere, as on a
 * Linux session without a keyring). Run in a child process so this test's own keychain stays
 * reachable.
 */
describe('KeytarSecretStore without a reachable keychain (Linux Secret Service)', () => {
  it('fails with keychain_unavailable and advice, and the profile is still saved without its token', () => {
    const directory = newDirectory()
    const output = execFileSync(tsx, [script, directory], {
      encoding: 'utf8',
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/lanyard-no-bus',
        LANYARD_KEYCHAIN_SERVICE: 'lanyard-test',
        DISPLAY: '',
      },
      timeout: 60_000,
    })
    const outcome = JSON.parse(output.trim().split('\n').at(-1) ?? '{}')

    expect(outcome.probeError).toMatchObject({ name: 'AppError', code: 'keychain_unavailable' })
    expect(outcome.probeError.message).toMatch(/^The OS keychain could not be used \(.+\)\. Unlock your login keyring, or install and start gnome-keyring or KWallet/)
    expect(outcome.create).toMatchObject({ ok: false, error: { code: 'keychain_unavailable' } })
    expect(outcome.create.error.message).toMatch(/^Profile "Okta prod" was saved, but its Token could not be stored in the keychain\. The OS keychain could not be used/)
    expect(outcome.list).toMatchObject({ ok: true, value: [{ name: 'Okta prod', secrets: { token: 'missing' } }] })
    expect(outcome.info).toMatchObject({ ok: true, value: { keychain: 'unavailable' } })

    const onDisk = readFileSync(join(directory, 'profiles.json'), 'utf8')
    expect(onDisk).toContain('"Okta prod"')
    expect(onDisk).not.toContain('child-token')
    expect(output).not.toContain('child-token')
  })
})
