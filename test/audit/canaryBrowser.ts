import { randomBytes } from 'node:crypto'
import type { Page } from 'playwright-core'
import { getDescriptor } from '../../shared/catalogue'
import { connectorIds, type ConnectorId } from '../../shared/catalogue/types'
import { launchBrowser, openPage } from '../e2e/support/browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from '../e2e/support/previewApp'
import { sandboxProfileAccess } from '../e2e/support/sandboxProfile'
import type { AuditOptions, AuditRow } from './auditTable'
import { filesUnder } from '../support/filesUnder'
import { findCanaries } from './canaryForms'
import { valuesUsingSecret } from './signInChoice'

/**
 * The secret canary, the page's half: `npm run preview`'s real process (secrets in the OS
 * keychain) in Chromium. Each tenant's secrets (new random ones at every start) are canaries;
 * the page works every connector with them, then with a wrong canary credential of each kind
 * (which the tenant refuses and the page shows as a refusal). After every step the DOM is kept;
 * at the end the DOM snapshots, localStorage, sessionStorage, IndexedDB, every file under
 * LANYARD_HOME and the process's output are searched for every canary in every form.
 */
export async function runCanaryBrowserAudit(options: AuditOptions): Promise<AuditRow[]> {
  // One pass at either depth: the page's paths do not grow with more generated cases.
  void options
  const browser = await launchBrowser()
  let app: PreviewApp | undefined
  try {
    app = await startPreviewApp({ env: { LANYARD_SANDBOX_USERS: '30' } })
    const canaries = new Map<string, string>()
    const profileIds = new Map<ConnectorId, string>()
    const secretsOf = new Map<ConnectorId, Record<string, string>>()
    const valuesOf = new Map<ConnectorId, Record<string, string>>()
    for (const connectorId of connectorIds) {
      const access = await sandboxProfileAccess(app, connectorId)
      profileIds.set(connectorId, access.profileId)
      secretsOf.set(connectorId, access.secrets)
      valuesOf.set(connectorId, access.values)
      for (const [key, secret] of Object.entries(access.secrets)) canaries.set(`${connectorId} ${key} (the tenant's)`, secret)
    }

    const { page } = await openPage(browser, app.url)
    const snapshots: { step: string; html: string }[] = []
    const keep = async (step: string) => snapshots.push({ step, html: await page.content() })
    const misfires: string[] = []

    for (const [connectorId, profileId] of profileIds) {
      await showProfile(page, app, profileId, 'users')
      await keep(`${connectorId} users`)
      const row = page.locator('[role="grid"] [role="row"][data-id]').first()
      if (await row.count()) {
        await row.click()
        await page.locator('aside.object-panel[aria-busy="false"]').waitFor()
        await keep(`${connectorId} user panel`)
      } else misfires.push(`${connectorId}: no users listed with the tenant's secrets`)
      await showProfile(page, app, profileId, 'about')
      await keep(`${connectorId} about`)
    }

    // Each secret replaced by a wrong canary, as a person pasting the wrong key would.
    for (const [connectorId, profileId] of profileIds) {
      const tenantSecrets = secretsOf.get(connectorId) ?? {}
      for (const parameter of getDescriptor(connectorId).parameters.filter((candidate) => candidate.secret)) {
        const wrong = `canary-${connectorId}-${parameter.key}-${randomBytes(18).toString('base64url')}`
        canaries.set(`${connectorId} ${parameter.key} (wrong)`, wrong)
        // Signed in the way that sends this secret (Coupa's legacy API key, GoTo's password grant).
        const using = valuesUsingSecret(getDescriptor(connectorId), parameter.key, valuesOf.get(connectorId) ?? {})
        await invokeThroughBridge(app, 'profiles.update', { profileId: profileId, values: using, secrets: { [parameter.key]: wrong } })
        await showProfile(page, app, profileId, 'users')
        const refusal = page.getByRole('alert').first()
        if (!(await refusal.waitFor({ timeout: 15_000 }).then(() => true, () => false))) {
          misfires.push(`${connectorId} ${parameter.key}: the page showed no refusal for a wrong canary`)
        }
        await keep(`${connectorId} ${parameter.key} refused`)
        await invokeThroughBridge(app, 'profiles.update', { profileId: profileId, values: valuesOf.get(connectorId), secrets: tenantSecrets })
      }
    }
    await page.goto(`${app.url}#/activity`)
    await keep('activity')

    const storage = await pageStorage(page)
    const files = await filesUnder(app.home)
    const where = [
      ...snapshots.map((snapshot) => ({ place: `the DOM (${snapshot.step})`, text: snapshot.html })),
      { place: 'localStorage, sessionStorage and IndexedDB', text: storage },
      ...files.map((file) => ({ place: file.path, text: file.text })),
      { place: "the preview process's output", text: app.output() },
    ]
    const found = where.flatMap(({ place, text }) => findCanaries(text, canaries).map((hit) => `${hit} in ${place}`))
    return [
      { check: 'canary (page): scenarios ran as meant', tried: profileIds.size * 2, failed: misfires.length, details: misfires.join('; ') || `${canaries.size} canaries` },
      {
        check: 'canary (page): DOM, storage, files, output',
        tried: where.length,
        failed: found.length,
        details: found.slice(0, 10).join('; ') || `${snapshots.length} DOM snapshots, storage, ${files.length} files, output: 0 found`,
      },
    ]
  } finally {
    await browser.close()
    if (app) {
      await app.stop()
      await removeDataFolder(app)
    }
  }
}

/** Opens a profile's tab and waits for what it settles on: rows, a refusal, or (on About) its heading. */
async function showProfile(page: Page, app: PreviewApp, profileId: string, tab: string): Promise<void> {
  await page.goto(`${app.url}#/profiles/${profileId}/${tab}`)
  const settled = tab === 'about' ? 'main h2, [role="alert"]' : '[role="grid"] [role="row"][data-id], [role="alert"]'
  await page.locator(settled).first().waitFor({ timeout: 20_000 }).catch(() => undefined)
}

/** A call as another tab of the page would make it: the run's token, our own origin. */
async function invokeThroughBridge(app: PreviewApp, name: string, input: unknown): Promise<void> {
  const url = new URL(app.url)
  const response = await fetch(`${url.origin}/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Lanyard-Token': url.searchParams.get('token') ?? '', Origin: url.origin },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as { ok: boolean }
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`)
}

/**
 * Everything the page keeps: both storages and every IndexedDB store's records, as one text.
 * Plain JavaScript run in the page (the main-process typings have no DOM).
 */
function pageStorage(page: Page): Promise<string> {
  return page.evaluate<string>(`(async () => {
    const dump = { local: { ...localStorage }, session: { ...sessionStorage } }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue
      const database = await new Promise((resolve, reject) => {
        const opening = indexedDB.open(info.name)
        opening.onsuccess = () => resolve(opening.result)
        opening.onerror = () => reject(opening.error)
      })
      for (const store of Array.from(database.objectStoreNames)) {
        dump[info.name + '/' + store] = await new Promise((resolve) => {
          const reading = database.transaction(store).objectStore(store).getAll()
          reading.onsuccess = () => resolve(reading.result)
          reading.onerror = () => resolve(String(reading.error))
        })
      }
      database.close()
    }
    return JSON.stringify(dump)
  })()`)
}
