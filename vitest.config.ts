import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// Unit and integration tests. Renderer component tests opt into a DOM with
// `// @vitest-environment happy-dom` at the top of the file.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    restoreMocks: true,
  },
})
