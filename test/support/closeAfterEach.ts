import { afterEach } from 'vitest'

/**
 * What a test starts (sandbox tenants, services) and must stop: push it on the list the call
 * returns, and it is closed after each test, newest first. Call at the top of a file or `describe`.
 */
export function closeAfterEach(): { close(): Promise<unknown> }[] {
  const running: { close(): Promise<unknown> }[] = []
  afterEach(async () => {
    while (running.length > 0) await running.pop()?.close()
  })
  return running
}
