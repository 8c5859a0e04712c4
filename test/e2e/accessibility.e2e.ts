import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { layoutProblems, seriousViolations } from './support/accessibility'
import { screenshot } from './support/browser'
import { invokeCall } from './support/previewApp'
import { previewSession } from './support/previewSession'

interface ListedUser {
  id: string
  displayName: string
}

const sizes = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
] as const
const themes = ['light', 'dark'] as const

/**
 * Every view at the smallest window Lanyard supports and a common one, in the OS's light and dark
 * schemes: axe-core finds no serious or critical violation, nothing a person needs (a header, a
 * button, a field) is cut off, and column headers never overlap. Screenshots of each go to
 * test-results/ to be looked at.
 */
describe('every view at 1024×700 and 1440×900, light and dark', () => {
  const session = previewSession({ env: { LANYARD_SANDBOX_USERS: '60' }, sandbox: 'okta' })
  let oktaId: string
  let openedUser: ListedUser
  let personName: string

  beforeAll(async () => {
    const { app } = session
    oktaId = session.access.profileId
    const listed = await invokeCall(app, 'directory.list', { profileId: oktaId, objectType: 'users', pageSize: 10 })
    const users = (listed.value as { items: ListedUser[] }).items
    openedUser = users[0]!
    personName = users[2]!.displayName
    // Activity needs something to show: a change and a deprovision, each journaled.
    const updated = await invokeCall(app, 'directory.update', { profileId: oktaId, objectType: 'users', objectId: users[1]!.id, changes: { title: 'Senior help-desk technician, second line' } })
    const deprovisioned = await invokeCall(app, 'directory.deprovision', { profileId: oktaId, userId: users[3]!.id })
    expect([updated.ok, deprovisioned.ok]).toEqual([true, true])
  })

  /** The views, each reached as a person would, ready to be checked once `ready` has appeared. */
  const views: { name: string; visit(page: Page): Promise<void>; check?(page: Page, width: number): Promise<string[]> }[] = [
    {
      name: 'people',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/people`)
        await page.getByRole('searchbox').fill(personName)
        await page.locator('.person-card__open').first().waitFor()
      },
    },
    {
      name: 'person',
      visit: async (page) => {
        await page.locator('.person-card__open').first().click()
        await page.getByRole('heading', { level: 1, name: personName }).waitFor()
      },
    },
    {
      name: 'profiles',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/profiles`)
        await page.getByRole('listitem', { name: 'Okta Sandbox' }).waitFor()
      },
    },
    {
      name: 'users-with-panel',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/profiles/${oktaId}/users/${encodeURIComponent(openedUser.id)}`)
        await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
        await page.getByRole('complementary', { name: openedUser.displayName }).getByRole('button', { name: 'Deprovision…' }).waitFor()
      },
    },
    {
      name: 'groups',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/profiles/${oktaId}/groups`)
        await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
      },
    },
    {
      name: 'activity',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/activity`)
        await page.getByRole('table').getByRole('row').nth(2).waitFor()
      },
      // The filters were two lines even at 1440 px: from there on they are one.
      check: async (page, width) => {
        if (width < 1440) return []
        const boxes = await page.getByRole('form', { name: 'Filter the journal' }).evaluate((form) => [...form.children].map((child) => {
          const { top, bottom } = child.getBoundingClientRect()
          return { top, bottom }
        }))
        // Fields on one line overlap vertically (a button or a text box may sit a little lower than a select).
        let lines = 0
        let lineBottom = -Infinity
        for (const box of boxes.sort((left, right) => left.top - right.top)) {
          if (box.top >= lineBottom) lines++
          lineBottom = Math.max(lineBottom, box.bottom)
        }
        return lines === 1 ? [] : [`the filters take ${lines} lines at ${width} px`]
      },
    },
    {
      name: 'jobs',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/jobs`)
        await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor()
        await page.getByText('Jobs on this computer').waitFor()
      },
    },
    {
      name: 'profile-form',
      visit: async (page) => {
        await page.goto(`${session.app.url}#/profiles/${oktaId}/edit`)
        await page.getByRole('button', { name: /Save/ }).waitFor()
      },
    },
    {
      name: 'palette',
      visit: async (page) => {
        await page.keyboard.press('Control+K')
        await page.getByRole('combobox', { name: 'Name, email, profile or action' }).fill('open')
        await page.getByRole('dialog').getByRole('option').first().waitFor()
      },
    },
  ]

  it('the directory table, whose scroller holds no focusable element, scrolls from the keyboard through its grid', async () => {
    const { page, problems } = await session.open({ at: `#/profiles/${oktaId}/users`, viewport: sizes[0] })
    const grid = page.getByRole('grid')
    await grid.locator('[role="row"][data-id]').first().waitFor()
    await grid.focus()
    // End goes to the last row (here one page holds every user; with more it loads them first).
    await page.keyboard.press('End')
    await page.keyboard.press('End')
    await expect.poll(() => page.locator('.grid__scroller').evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(0)
    await page.keyboard.press('Home')
    await expect.poll(() => page.locator('.grid__scroller').evaluate((scroller) => scroller.scrollTop)).toBe(0)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('the theme chosen in the top bar outlasts a reload, whatever the OS says', async () => {
    const { page, problems } = await session.open({ at: `#/activity`, colorScheme: 'light' })
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await page.reload()
    await page.getByRole('heading', { name: 'Activity' }).waitFor()
    const shown = await page.locator('body').evaluate((body) => [body.ownerDocument.documentElement.dataset.theme, body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor])
    expect(shown).toEqual(['dark', 'rgb(13, 17, 23)'])
    expect(problems).toEqual([])
    await page.context().close()
  })

  for (const theme of themes) {
    it(`${theme}: the first Tab reaches the skip link, and every control Tab reaches shows a focus ring`, async () => {
      const { page, problems } = await session.open({ at: `#/activity`, viewport: sizes[0], colorScheme: theme })
      const unringed: string[] = []
      // People puts the focus in its search box on open: its Tabs start there, past the skip link.
      for (const path of ['#/activity', `#/profiles/${oktaId}/users/${encodeURIComponent(openedUser.id)}`, `#/profiles/${oktaId}/edit`, '#/people']) {
        await page.goto(`${session.app.url}${path}`)
        await page.reload()
        await page.locator('main h1').first().waitFor()
        await page.keyboard.press('Tab')
        if (path !== '#/people') {
          const skip = page.getByRole('link', { name: 'Skip to content' })
          expect(await skip.evaluate((link) => link === link.ownerDocument.activeElement && link.getBoundingClientRect().top >= 0), path).toBe(true)
          if (path === '#/activity') await screenshot(page, `skip-link-${theme}`)
        }
        for (let step = 0; step < 40; step++) {
          const focused = await page.locator('html').evaluate((html) => {
            const element = html.ownerDocument.activeElement
            if (!element || element === html.ownerDocument.body) return null
            const style = html.ownerDocument.defaultView!.getComputedStyle(element)
            const ringed = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none'
            return { ringed, name: `${element.tagName.toLowerCase()}${element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : ''} "${(element.textContent?.trim() || element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.id).slice(0, 40)}" (outline ${style.outlineStyle} ${style.outlineWidth})` }
          })
          if (focused && !focused.ringed) unringed.push(`${path}: ${focused.name}`)
          await page.keyboard.press('Tab')
        }
      }
      expect(unringed).toEqual([])
      expect(problems).toEqual([])
      await page.context().close()
    })

    for (const size of sizes) {
      it(`${theme} at ${size.width}×${size.height}`, async () => {
        const { page, problems } = await session.open({ viewport: size, colorScheme: theme })
        const found: string[] = []
        for (const view of views) {
          await view.visit(page)
          const shown = await page.locator('html').getAttribute('data-theme')
          if (shown !== theme) found.push(`${view.name}: shown in the ${shown ?? 'unset'} theme, not the OS's ${theme}`)
          await screenshot(page, `views-${theme}-${size.width}-${view.name}`)
          found.push(...(await seriousViolations(page)).map((violation) => `${view.name}: ${violation}`))
          found.push(...(await layoutProblems(page)).map((problem) => `${view.name}: ${problem}`))
          found.push(...((await view.check?.(page, size.width)) ?? []).map((problem) => `${view.name}: ${problem}`))
        }
        expect(found).toEqual([])
        expect(problems).toEqual([])
        await page.context().close()
      })
    }
  }
})
