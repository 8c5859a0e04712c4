// Runs a command (e.g. `vitest run`) with a keychain the tests may freely write to.
//
// On Linux with dbus-run-session and gnome-keyring-daemon: a private D-Bus session with a
// throw-away, unlocked gnome-keyring whose files live in a temporary folder, deleted afterwards.
// Elsewhere (macOS, Windows): the command runs directly against the OS keychain. Either way
// LANYARD_KEYCHAIN_SERVICE=lanyard-test keeps test entries apart from a person's real ones.
//
// Usage: node test/support/withPrivateKeyring.mjs vitest run [args…]   (exit code is the command's)
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url))
const testService = 'lanyard-test'

function findOnPath(name) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // Not in this folder.
    }
  }
  return null
}

/** `vitest` → node_modules/.bin/vitest when the project has it; anything else as given. */
function resolveCommand(name) {
  const suffix = process.platform === 'win32' ? '.cmd' : ''
  const local = join(repositoryRoot, 'node_modules', '.bin', `${name}${suffix}`)
  return existsSync(local) ? local : name
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: 'inherit', shell: process.platform === 'win32' })
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`)
      resolve(127)
    })
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1))
    })
  })
}

async function main() {
  const [name, ...args] = process.argv.slice(2)
  if (!name) {
    console.error('Usage: node test/support/withPrivateKeyring.mjs <command> [args…]')
    return 2
  }
  const command = resolveCommand(name)
  const env = { ...process.env, LANYARD_KEYCHAIN_SERVICE: testService }
  const dbusRunSession = process.platform === 'linux' ? findOnPath('dbus-run-session') : null
  const keyringDaemon = process.platform === 'linux' ? findOnPath('gnome-keyring-daemon') : null

  if (!dbusRunSession || !keyringDaemon) {
    const which = process.platform === 'linux' ? 'the session keyring (dbus-run-session or gnome-keyring-daemon not found)' : 'the OS keychain'
    console.log(`Keychain for tests: ${which}, service "${testService}".`)
    return run(command, args, env)
  }

  // Private data and runtime folders: the throw-away keyring can neither see nor disturb a
  // person's own keyring files or control socket.
  const home = mkdtempSync(join(tmpdir(), 'lanyard-keyring-'))
  const keyringPassword = randomBytes(12).toString('hex')
  console.log(`Keychain for tests: throw-away gnome-keyring in a private D-Bus session (${home}), service "${testService}".`)
  const script =
    'password="$LANYARD_TEST_KEYRING_PASSWORD"; unset LANYARD_TEST_KEYRING_PASSWORD; ' +
    `printf '%s' "$password" | "${keyringDaemon}" --unlock --components=secrets >/dev/null || exit 125; ` +
    'exec "$@"'
  try {
    return await run(dbusRunSession, ['--', 'sh', '-c', script, 'sh', command, ...args], {
      ...env,
      XDG_DATA_HOME: home,
      XDG_RUNTIME_DIR: home,
      LANYARD_TEST_KEYRING_PASSWORD: keyringPassword,
    })
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

process.exitCode = await main()
