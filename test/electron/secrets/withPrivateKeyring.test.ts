import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const wrapper = fileURLToPath(new URL('../../support/withPrivateKeyring.mjs', import.meta.url))

const storeModule = fileURLToPath(new URL('../../../electron/secrets/KeytarSecretStore.ts', import.meta.url))

function runWrapped(code: string, command = 'node') {
  return spawnSync(process.execPath, [wrapper, command, '-e', code], { encoding: 'utf8', timeout: 60_000 })
}

describe('withPrivateKeyring.mjs', () => {
  it('says which keychain the tests use and gives the command the test service name', () => {
    const run = runWrapped('console.log("service=" + process.env.LANYARD_KEYCHAIN_SERVICE)')
    expect(run.stdout).toMatch(/^Keychain for tests: .+service "lanyard-test"\.\n/)
    expect(run.stdout).toContain('service=lanyard-test')
    expect(run.status).toBe(0)
  })

  it('passes on the exit code of the command', () => {
    expect(runWrapped('process.exit(7)').status).toBe(7)
  })

  it('gives the command (tsx, found in node_modules/.bin) a keychain it can write to and read back', () => {
    const script = `
      import(${JSON.stringify(storeModule)}).then(async ({ KeytarSecretStore }) => {
        const store = new KeytarSecretStore()
        await store.set('wrapper-check', 'token', 'v1')
        const value = await store.get('wrapper-check', 'token')
        await store.delete('wrapper-check', 'token')
        process.exit(store.service === 'lanyard-test' && value === 'v1' ? 0 : 3)
      }, () => process.exit(4))`
    const run = runWrapped(script, 'tsx')
    expect(run.status, run.stderr).toBe(0)
  })
})
