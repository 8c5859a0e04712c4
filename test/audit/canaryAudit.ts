import { filesUnder } from '../support/filesUnder'
import type { AuditOptions, AuditRow } from './auditTable'
import { findCanaries } from './canaryForms'
import { runCanaryScenarios } from './canaryScenarios'
import { startAuditApp } from './fuzzRig'

/**
 * The secret canary, main-process half: each connector's secrets are unique canaries (the
 * tenants mint new random ones at every start, and each wrong credential tried is a canary of
 * its own); after every scenario has run, each canary is searched for, plain, URL-encoded and
 * base64, in every file under LANYARD_HOME (logs, journal, profiles.json…), every answer and
 * every event. Expected: none anywhere. The page's half is canaryBrowser.ts.
 */
export async function runCanaryAudit(options: AuditOptions): Promise<AuditRow[]> {
  const app = await startAuditApp({ users: 12 })
  try {
    const run = await runCanaryScenarios(app, options.depth)
    const files = await filesUnder(app.home)
    const inFiles = files.flatMap((file) => findCanaries(file.text, run.canaries).map((found) => `${found} in ${file.path}`))
    const inAnswers = run.answers.flatMap((answer) => findCanaries(answer.text, run.canaries).map((found) => `${found} in the answer to ${answer.call}`))
    const inEvents = app.events.flatMap((event) => findCanaries(JSON.stringify(event), run.canaries).map((found) => `${found} in event ${event.event}`))
    const canaryCount = `${run.canaries.size} canaries`
    return [
      { check: 'canary: scenarios ran as meant', tried: run.scenarios, failed: run.misfires.length, details: run.misfires.join('; ') || `${canaryCount} through 4 connectors` },
      { check: 'canary: files under LANYARD_HOME', tried: files.length, failed: inFiles.length, details: inFiles.slice(0, 10).join('; ') || `${canaryCount}, 0 found` },
      { check: 'canary: answers', tried: run.answers.length, failed: inAnswers.length, details: inAnswers.slice(0, 10).join('; ') || `${canaryCount}, 0 found` },
      { check: 'canary: events', tried: app.events.length, failed: inEvents.length, details: inEvents.slice(0, 10).join('; ') || `${canaryCount}, 0 found` },
    ]
  } finally {
    await app.close()
  }
}

