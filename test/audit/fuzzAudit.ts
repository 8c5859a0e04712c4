import { getDescriptor } from '../../shared/catalogue'
import type { ConnectorId } from '../../shared/catalogue/types'
import { isCallName } from '../../shared/contract'
import type { AuditOptions, AuditRow } from './auditTable'
import { callBridge, callDirect, type DoorAnswer } from './fuzzDoors'
import { describe, generateFuzzCases, type FuzzCase, type FuzzTarget } from './fuzzCases'
import { answerProblems, Findings } from './fuzzFindings'
import { measureBodies } from './fuzzBodies'
import { startAuditApp, tenantSecrets, type AuditApp } from './fuzzRig'

/**
 * Bridge and contract fuzz: thousands of malformed calls, through the preview bridge over HTTP
 * and straight into invokeContract (the IPC door), against the real services and the sandbox
 * tenants. Every answer must come, cleanly (no 5xx, no `internal`, no stack trace, no secret);
 * what must be refused must be refused before anything is journaled or sent to a target; no
 * promise may go unhandled; and huge or deeply nested bodies must not leave memory behind.
 */
export async function runFuzzAudit(options: AuditOptions): Promise<AuditRow[]> {
  const app = await startAuditApp({ users: 20 })
  const unhandled: string[] = []
  const onUnhandled = (reason: unknown) => void unhandled.push(reason instanceof Error ? reason.message : String(reason))
  process.on('unhandledRejection', onUnhandled)
  try {
    const secrets = new Map<string, string>(tenantSecrets(app.tenants).map((secret, index) => [`tenant secret ${index + 1}`, secret] as const))
    secrets.set('bridge token', app.token)
    const cases = generateFuzzCases(await fuzzTarget(app), options.seed, options.depth === 'quick' ? 1000 : 6000)
    const answers = new Findings()
    const refusals = new Findings()
    let targetsMayBeBusy = false

    for (const [index, fuzzCase] of cases.entries()) {
      // A call that went through may leave a read-ahead or a journal write still running.
      if (targetsMayBeBusy) await untilTargetsQuiet(app)
      const before = fuzzCase.mustRefuse ? { journal: await app.journalText(), requests: app.requestsServed() } : null
      const answer = await send(app, fuzzCase)
      // Cases on a broken name are grouped by how it was broken; the rest by the call.
      const call = isCallName(fuzzCase.name) && !fuzzCase.rawName ? fuzzCase.name : fuzzCase.label
      const { problems, result } = answerProblems(answer, secrets)
      answers.record(problems, call, `${fuzzCase.door}: ${fuzzCase.label}`)
      targetsMayBeBusy = !before
      if (before) {
        const broken: string[] = []
        if (result?.ok) broken.push('accepted')
        else if (result && !fuzzCase.refusedWith.includes(result.error.code)) broken.push(`answered ${result.error.code}`)
        if ((await app.journalText()) !== before.journal) broken.push('journaled')
        if (app.requestsServed() !== before.requests) broken.push('sent to the target')
        refusals.record(broken.map((problem) => `${problem} instead of refused`), call, `${fuzzCase.door}: ${fuzzCase.label} → ${shortAnswer(answer)}`)
        targetsMayBeBusy ||= broken.length > 0
      }
      if (index % 100 === 99) await expectStillAnswering(app, answers)
    }

    const bodies = await measureBodies(app, options, secrets)
    await expectStillAnswering(app, answers)
    const refusedShare = `${refusals.tried} of them must be refused`
    return [
      {
        check: 'fuzz: every malformed call answered cleanly',
        tried: answers.tried,
        failed: answers.failed,
        details: answers.failed === 0 ? `${cases.length} calls (${count(cases, 'bridge')} over the bridge, ${count(cases, 'direct')} direct); ${refusedShare}` : answers.describe(),
      },
      {
        check: 'fuzz: invalid input refused before journal and target',
        tried: refusals.tried,
        failed: refusals.failed,
        details: refusals.failed === 0 ? 'nothing journaled, no request reached a tenant' : refusals.describe(),
      },
      { check: 'fuzz: unhandled rejections', tried: cases.length, failed: unhandled.length, details: unhandled.slice(0, 5).join('; ') || 'none' },
      bodies,
    ]
  } finally {
    // Let stray rejections of the last calls arrive while the listener still counts them.
    await new Promise((resolve) => setTimeout(resolve, 50))
    process.off('unhandledRejection', onUnhandled)
    await app.close()
  }
}

async function send(app: AuditApp, fuzzCase: FuzzCase): Promise<DoorAnswer> {
  if (fuzzCase.door === 'direct') return callDirect(app.handlers, fuzzCase.name, fuzzCase.input, app.logger)
  const origin = app.bridge.origin
  return callBridge(origin, {
    rawName: fuzzCase.rawName ?? asPathSegment(String(fuzzCase.name)),
    body: fuzzCase.input === undefined ? '' : JSON.stringify(fuzzCase.input),
    token: fuzzCase.badHeader === 'token' ? `${app.token.slice(0, -1)}x` : app.token,
    origin: fuzzCase.badHeader === 'origin' ? 'http://evil.example' : origin,
    host: fuzzCase.badHeader === 'host' ? `attacker.example:${new URL(origin).port}` : undefined,
  })
}

/**
 * A name percent-encoded for the path, lone surrogates included: encodeURIComponent throws on
 * them, so they go as the three bytes they would take in WTF-8 (which the bridge must refuse).
 */
function asPathSegment(name: string): string {
  return Array.from(name)
    .map((character) => {
      try {
        return encodeURIComponent(character)
      } catch {
        const unit = character.charCodeAt(0)
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
      }
    })
    .join('')
}

/** The profiles, users and groups the generated calls aim at, and a decoy profile the profile calls may spoil. */
async function fuzzTarget(app: AuditApp): Promise<FuzzTarget> {
  const decoy = await app.handlers['profiles.create']({
    connectorId: 'okta',
    name: 'Fuzz decoy',
    environment: 'sandbox',
    values: { url: 'http://127.0.0.1:9' },
    secrets: {},
  })
  const profileIds = Object.values(app.profileIds)
  const firstId = async (id: string, objectType: string) => {
    const page = await app.handlers['directory.list']({ profileId: id, objectType, search: '', pageSize: 2 }).catch(() => null)
    return page?.items[0]?.id ?? 'no-such-object'
  }
  const users = new Map<string, string>()
  const groups = new Map<string, string>()
  for (const id of profileIds) {
    users.set(id, await firstId(id, 'users'))
    groups.set(id, await firstId(id, 'groups'))
  }
  await untilTargetsQuiet(app)
  return {
    profileIds,
    decoyProfileId: decoy.id,
    userIdOf: (id) => users.get(id) ?? 'no-such-user',
    groupIdOf: (id) => groups.get(id) ?? 'no-such-group',
    idsTravelInPath: (id) => {
      const connectorId = (Object.keys(app.profileIds) as ConnectorId[]).find((connector) => app.profileIds[connector] === id)
      return connectorId === undefined || getDescriptor(connectorId).objectIdsTravelIn === 'urlPath'
    },
  }
}

/** Waits until no tenant has served a request for a moment (at most about a second). */
async function untilTargetsQuiet(app: AuditApp): Promise<void> {
  for (let round = 0; round < 30; round++) {
    const served = app.requestsServed()
    await new Promise((resolve) => setTimeout(resolve, 30))
    if (app.requestsServed() === served) return
  }
}

async function expectStillAnswering(app: AuditApp, answers: Findings): Promise<void> {
  const answer = await callBridge(app.bridge.origin, { rawName: 'app.info', body: '{}', token: app.token, origin: app.bridge.origin })
  const answering = !('noAnswer' in answer) && answer.status === 200 && (JSON.parse(answer.text) as { ok: boolean }).ok
  answers.record(answering ? [] : ['the bridge stopped answering'], 'app.info', shortAnswer(answer))
}

function shortAnswer(answer: DoorAnswer): string {
  if ('noAnswer' in answer) return `no answer (${answer.noAnswer})`
  const status = answer.status ? `${answer.status} ` : ''
  return `${status}${describe(answer.text.slice(0, 160))}`
}

const count = (cases: readonly FuzzCase[], door: FuzzCase['door']) => cases.filter((fuzzCase) => fuzzCase.door === door).length
