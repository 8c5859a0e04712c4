import type { Locator, Page } from 'playwright-core'

/** Opens the profile whose side-bar link matches `label` and waits for its users' first rows. */
export async function openUserList(page: Page, label: RegExp): Promise<void> {
  await page.getByRole('link', { name: label }).first().click()
  await page.locator('[role="grid"] [role="row"][data-id]').first().waitFor()
}

/**
 * Searches the list as a person would (the `/` key, then typing `text`, `delay` ms a key) and returns
 * the row of the user with the id `id`, found or not yet.
 */
export async function searchUsers(page: Page, text: string, id: string | number, delay = 30): Promise<Locator> {
  await page.keyboard.press('/')
  await page.keyboard.type(text, { delay })
  return page.locator(`[role="row"][data-id="${id}"]`)
}

/** Searches for the user, clicks their row and returns their panel, which is named `name` (their full name). */
export async function openUserPanel(page: Page, user: { search: string; id: string | number; name: string }, delay = 30): Promise<Locator> {
  await (await searchUsers(page, user.search, user.id, delay)).click()
  return page.getByRole('complementary', { name: user.name })
}
