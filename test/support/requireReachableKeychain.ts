import { KeytarSecretStore } from '../../electron/secrets/KeytarSecretStore'

let check: Promise<void> | undefined

/**
 * Real-keychain tests never skip: when no keychain answers, each of them fails with the way out.
 * Call first thing in every such test; the keychain is probed once per file.
 */
export function requireReachableKeychain(): Promise<void> {
  check ??= probe()
  return check
}

async function probe(): Promise<void> {
  if (process.env.LANYARD_KEYCHAIN_SERVICE !== 'lanyard-test') {
    throw new Error(
      'Keychain tests must run with LANYARD_KEYCHAIN_SERVICE=lanyard-test so they never touch real entries. ' +
        'Run them through `node test/support/withPrivateKeyring.mjs vitest run …` (as `npm run test:unit` does).',
    )
  }
  if (!(await new KeytarSecretStore().isAvailable())) {
    throw new Error(
      'The OS keychain is not reachable, so the keychain tests cannot run. Run them through ' +
        '`node test/support/withPrivateKeyring.mjs vitest run …` (as `npm run test:unit` does), which starts a throw-away ' +
        'gnome-keyring on Linux; on macOS / Windows unlock your login keychain.',
    )
  }
}
