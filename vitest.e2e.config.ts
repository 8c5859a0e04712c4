import { defineConfig } from 'vitest/config'

// End-to-end: real Chromium against `npm run preview`'s server. One file at a time: each starts
// its own preview server and browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // A change and the reads after it go through the profile's request budget, which spaces them
    // at the target's documented rate (GoTo: 10 a second): one second was a race, not a check.
    expect: { poll: { timeout: 5_000 } },
  },
})
