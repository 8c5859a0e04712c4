import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | undefined

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * The directory table's scroller holds no focusable element, which axe's scrollable-region-focusable
 * flags: the grid around it takes the focus and scrolls it from the keyboard (arrows, Page Up / Down,
 * Home / End, with aria-activedescendant), which axe cannot know. accessibility.e2e.ts checks that
 * keyboard scrolling itself; only this rule on only this element is set aside.
 */
const scrolledByTheGrid = { rule: 'scrollable-region-focusable', target: '.grid__scroller' }

/**
 * axe-core's serious and critical violations on the page as it stands, each in words with the
 * elements it found. The preview's CSP allows no inline script, so axe's source is evaluated
 * through the DevTools protocol (as a debugger would) rather than added as a script tag.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const source = await axeSource
  // The page's own globals are reached through its <html> element: these files compile without the DOM library.
  const root = page.locator('html')
  if (!(await root.evaluate((html) => 'axe' in html.ownerDocument.defaultView!))) await page.evaluate(source)
  const violations = await root.evaluate(async (html) => {
    const axe = (html.ownerDocument.defaultView as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    return (await axe.run(html.ownerDocument)).violations
  })
  return violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => violation.id !== scrolledByTheGrid.rule || node.target.join(' ') !== scrolledByTheGrid.target),
    }))
    .filter((violation) => violation.nodes.length > 0 && (violation.impact === 'serious' || violation.impact === 'critical'))
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ')})` : ''}`)
      return `${violation.impact} ${violation.id}: ${violation.help} — ${nodes.join('; ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`
    })
}

/**
 * What the layout hides: every header, button, link and field that sticks out past the window or past
 * an ancestor that clips it (overflow other than visible) on the left or right, and column headers that
 * overlap. Named by their text, so a failure says what a person could not see.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.locator('html').evaluate((html) => {
    const document = html.ownerDocument
    const window = document.defaultView!
    type Element = typeof html
    const getComputedStyle = (element: Element) => window.getComputedStyle(element)
    const problems: string[] = []
    const nameOf = (element: Element) => `${element.tagName.toLowerCase()} "${(element.textContent?.trim() || element.getAttribute('aria-label') || element.getAttribute('placeholder') || element.id).replace(/\s+/g, ' ').slice(0, 40)}"`
    // Shown at all, even when squeezed to no width (a column with no room left is the problem to find).
    const visible = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden' && !element.closest('.visually-hidden')
    // Behind an open modal dialog the page is inert: only the dialog is looked at.
    const modal = document.querySelector('dialog[open]')
    const watched = document.querySelectorAll('th, [role="columnheader"], button, a[href], input:not([type="radio"]):not([type="checkbox"]), select, h1, h2, label')
    for (const element of watched) {
      if (!visible(element) || (modal && !modal.contains(element))) continue
      const rect = element.getBoundingClientRect()
      const clip = { left: 0, right: window.innerWidth, top: 0, bottom: window.innerHeight }
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent)
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
        const box = parent.getBoundingClientRect()
        clip.left = Math.max(clip.left, box.left)
        clip.right = Math.min(clip.right, box.right)
        clip.top = Math.max(clip.top, box.top)
        clip.bottom = Math.min(clip.bottom, box.bottom)
      }
      const shown = `${Math.round(rect.left)}–${Math.round(rect.right)} px shown in ${Math.round(clip.left)}–${Math.round(clip.right)} px`
      if (rect.right > clip.right + 1 || rect.left < clip.left - 1) {
        problems.push(`${nameOf(element)} is cut off (${shown})`)
        continue
      }
      // Scrolled out of sight is fine; within sight, something else (a panel) must not lie over its ends.
      if (rect.width === 0 || rect.top < clip.top || rect.bottom > clip.bottom) continue
      const middle = rect.top + rect.height / 2
      const covered = [rect.left + 2, rect.right - 2].some((x) => {
        const top = document.elementFromPoint(x, middle)
        return top !== null && !element.contains(top) && !top.contains(element)
      })
      if (covered) problems.push(`${nameOf(element)} is covered by something else (${shown})`)
    }
    for (const row of document.querySelectorAll('[role="row"], thead tr')) {
      const headers = [...row.querySelectorAll('th, [role="columnheader"]')].filter(visible)
      headers.forEach((header, index) => {
        if (header.scrollWidth > header.clientWidth + 1) problems.push(`${nameOf(header)} does not fit its column`)
        const next = headers[index + 1]
        if (next && header.getBoundingClientRect().right > next.getBoundingClientRect().left + 1) problems.push(`${nameOf(header)} overlaps ${nameOf(next)}`)
      })
    }
    return problems
  })
}
