import { randomBytes } from 'node:crypto'
import type { ConnectorId } from '../../shared/catalogue/types'
import { getDescriptor } from '../../shared/catalogue'
import type { CallInput, CallName } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { invokeContract } from '../../electron/services/invokeContract'
import type { AuditOptions } from './auditTable'
import type { AuditApp } from './fuzzRig'
import { sandboxParameters } from '../../electron/services/sandboxProfiles'
import { valuesUsingSecret } from './signInChoice'
import { sandboxOwnAccount } from '../support/sandboxOwnAccounts'

/**
 * What the secret canary does with each connector before it searches: every path a secret could
 * take out of the main process — success, wrong credential, network failure, a change failing
 * part-way, copies, export, import, the journal's exports — each call through invokeContract
 * (the door IPC and the bridge share), every answer kept for the search.
 */
export interface CanaryRun {
  /** label → value: the tenants' own secrets and the wrong ones written over them. */
  canaries: Map<string, string>
  answers: { call: string; text: string }[]
  /** Scenarios that did not do what they were for (so a clean search would prove nothing). */
  misfires: string[]
  scenarios: number
}

export async function runCanaryScenarios(app: AuditApp, depth: AuditOptions['depth']): Promise<CanaryRun> {
  const run: CanaryRun = { canaries: new Map(), answers: [], misfires: [], scenarios: 0 }
  const ask = async <N extends CallName>(name: N, input: CallInput<N>): Promise<Result<unknown>> => {
    const result = await invokeContract(app.handlers, name, input, app.logger)
    run.answers.push({ call: name, text: JSON.stringify(result) })
    return result
  }
  const expectCode = (scenario: string, result: Result<unknown>, codes: readonly string[]) => {
    const code = result.ok ? 'ok' : result.error.code
    if (!codes.includes(code)) run.misfires.push(`${scenario}: ${code}${result.ok ? '' : ` (${result.error.message})`}, not ${codes.join(' or ')}`)
  }

  for (const connectorId of Object.keys(app.profileIds) as ConnectorId[]) {
    const id = app.profileIds[connectorId]
    const tenant = app.tenant(connectorId)
    const secretKeys = getDescriptor(connectorId).parameters.filter((parameter) => parameter.secret).map((parameter) => parameter.key)
    const tenantSecrets = Object.fromEntries(secretKeys.map((key) => [key, tenant.credentials[key] ?? '']))
    for (const key of secretKeys) run.canaries.set(`${connectorId} ${key} (the tenant's)`, tenantSecrets[key] ?? '')
    const tenantValues = sandboxParameters(connectorId, tenant.url, tenant.credentials).values

    run.scenarios++
    expectCode(`${connectorId} success`, await ask('directory.testConnection', { profileId: id }), ['ok'])
    const page = await ask('directory.list', { profileId: id, objectType: 'users', search: '', pageSize: 10 })
    expectCode(`${connectorId} list`, page, ['ok'])
    // Not the account the profile signs in with: Lanyard refuses to deprovision that one unasked.
    const own = sandboxOwnAccount(connectorId, tenant)
    const users = page.ok ? (page.value as { items: { id: string }[] }).items.map((item) => item.id).filter((userId) => userId !== own) : []
    const [reader, deprovisioned, partial] = users
    if (reader) {
      await ask('directory.get', { profileId: id, objectType: 'users', objectId: reader })
      await ask('directory.groupsOf', { profileId: id, objectType: 'users', objectId: reader, pageSize: 5 })
      await ask('directory.update', { profileId: id, objectType: 'users', objectId: reader, changes: { 'name.middleName': 'Canary' } })
    }
    if (deprovisioned) {
      const entry = await ask('directory.deprovision', { profileId: id, userId: deprovisioned })
      expectCode(`${connectorId} deprovision`, entry, ['ok'])
      if (entry.ok) await ask('journal.undo', { entryId: (entry.value as { id: string }).id })
    }

    // A wrong credential of each kind: a canary of its own, which the tenant refuses.
    for (const key of secretKeys) {
      run.scenarios++
      const wrong = `canary-${connectorId}-${key}-${randomBytes(18).toString('base64url')}`
      run.canaries.set(`${connectorId} ${key} (wrong)`, wrong)
      // Signed in the way that sends this secret (Coupa's legacy API key, GoTo's password grant).
      await ask('profiles.update', { profileId: id, values: valuesUsingSecret(getDescriptor(connectorId), key, tenantValues), secrets: { [key]: wrong } })
      expectCode(`${connectorId} ${key} refused`, await ask('directory.testConnection', { profileId: id }), ['auth_failed'])
      await ask('directory.list', { profileId: id, objectType: 'users', search: 'a', pageSize: 5 })
      if (reader) await ask('directory.deprovision', { profileId: id, userId: reader })
      await ask('profiles.update', { profileId: id, values: tenantValues, secrets: tenantSecrets })
    }

    // The target unreachable: every connection reset.
    run.scenarios++
    tenant.faults.setRate(1, ['reset'])
    expectCode(`${connectorId} network failure`, await ask('directory.testConnection', { profileId: id }), ['network'])
    // Each call waits out its retries; the quick run keeps to one.
    if (reader && depth === 'full') await ask('directory.deprovision', { profileId: id, userId: reader })
    tenant.faults.clear()

    // A change failing part-way: its first steps go through, then the target fails.
    run.scenarios++
    if (partial) {
      tenant.faults.script([{ kind: 'server_error', after: 2, times: 20 }])
      await ask('directory.deprovision', { profileId: id, userId: partial })
      tenant.faults.clear()
    }
    tenant.faults.script([{ kind: 'server_error', method: 'POST', times: 20 }])
    await ask('directory.create', { profileId: id, objectType: 'groups', attributes: { displayName: 'Canary group' } })
    tenant.faults.clear()

    // A copy carries the secrets in the keychain, never in an answer.
    const copy = await ask('profiles.duplicate', { profileId: id, name: `${connectorId} canary copy` })
    if (copy.ok) await ask('directory.testConnection', { profileId: (copy.value as { id: string }).id })
  }

  await exchangeScenarios(ask)
  run.scenarios++

  // Last, the tenants stopped: nothing answers at all.
  await Promise.all(
    (Object.keys(app.profileIds) as ConnectorId[]).map(async (connectorId) => {
      run.scenarios++
      await app.tenant(connectorId).close()
      expectCode(`${connectorId} tenant stopped`, await ask('directory.testConnection', { profileId: app.profileIds[connectorId] }), ['network'])
    }),
  )
  return run
}

/** Export, import, the journal's views and exports, and every profile read back. */
async function exchangeScenarios(
  ask: <N extends CallName>(name: N, input: CallInput<N>) => Promise<Result<unknown>>,
): Promise<void> {
  const listed = await ask('profiles.list', {})
  const ids = listed.ok ? (listed.value as { id: string }[]).map((profile) => profile.id) : []
  for (const id of ids) await ask('profiles.get', { profileId: id })
  const exported = await ask('profiles.export', { profileIds: ids })
  if (exported.ok) {
    const { content } = exported.value as { content: string }
    const preview = await ask('profiles.importPreview', { content })
    const entries = preview.ok ? (preview.value as { index: number; name: string }[]) : []
    await ask('profiles.import', { content, resolutions: entries.map((entry) => ({ index: entry.index, action: 'rename' as const, name: `${entry.name} imported` })) })
  }
  await ask('journal.list', {})
  await ask('journal.verify', {})
  await ask('journal.reconciled', {})
  await ask('journal.export', { format: 'csv' })
  await ask('journal.export', { format: 'json' })
  await ask('app.info', {})
}
