import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { ConnectorId } from '../../../shared/catalogue/types'
import { launchBrowser, openPage } from './browser'
import { removeDataFolder, startPreviewApp, type PreviewApp } from './previewApp'
import { sandboxProfileAccess, type SandboxProfileAccess } from './sandboxProfile'
import { tenantAccess, type TenantAccess } from './tenantApis'

type PageOptions = Pick<BrowserContextOptions, 'viewport' | 'colorScheme'>

export interface PreviewSessionOptions {
  /** The preview's environment (LANYARD_SANDBOX_USERS, LANYARD_SANDBOX_LATENCY, LANYARD_SANDBOX...). */
  env?: Record<string, string>
  /** The connector whose "<Label> Sandbox" profile the tests ask their tenant through (its tenant is started). */
  sandbox?: ConnectorId
  /** Opens the page before the tests, at the app's URL plus `at` (a route such as `#/profiles`). */
  page?: PageOptions & { at?: string }
}

export interface PreviewSession {
  browser: Browser
  /** A test may restart the app on the same data folder: the one set here is stopped and removed after the file. */
  app: PreviewApp
  /** The sandbox profile's access (with `sandbox` only). */
  access: SandboxProfileAccess
  /** The same access, plain and secret together, as its tenant's API is asked with it. */
  readonly tenant: TenantAccess
  /** The page last opened, and the console errors and CSP violations it reported. */
  page: Page
  problems: string[]
  /** Opens a new page on the app (in a context of its own) and makes it the session's page. */
  open(options?: PageOptions & { at?: string }): Promise<{ page: Page; problems: string[] }>
}

/**
 * What every e2e file sets up before its tests and takes down after them: Chromium, the real
 * preview app with a throw-away data folder, and (as asked) a sandbox profile's access and an
 * opened page. Called inside a `describe`, it registers that block's beforeAll and afterAll; its
 * fields are set once beforeAll has run.
 */
export function previewSession(options: PreviewSessionOptions = {}): PreviewSession {
  let access: SandboxProfileAccess | undefined
  const session = {
    get access() {
      if (!access) throw new Error(options.sandbox ? 'the sandbox profile is asked for before beforeAll' : 'this session was started without `sandbox`')
      return access
    },
    set access(value: SandboxProfileAccess) {
      access = value
    },
    get tenant() {
      return tenantAccess(session.access)
    },
    async open(pageOptions: PageOptions & { at?: string } = {}) {
      const { at = '', ...contextOptions } = pageOptions
      const opened = await openPage(session.browser, `${session.app.url}${at}`, contextOptions)
      session.page = opened.page
      session.problems = opened.problems
      return opened
    },
  } as PreviewSession

  beforeAll(async () => {
    session.browser = await launchBrowser()
    session.app = await startPreviewApp({ env: options.env })
    if (options.sandbox) access = await sandboxProfileAccess(session.app, options.sandbox)
    if (options.page) await session.open(options.page)
  })

  afterAll(async () => {
    await session.browser?.close()
    await session.app?.stop()
    if (session.app) await removeDataFolder(session.app)
  })

  return session
}
