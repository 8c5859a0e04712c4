import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The renderer: plain web code, built once and loaded by Electron (app://lanyard/index.html) or by the
// preview bridge (http://127.0.0.1:<port>/). Both serve out/renderer at their root; relative asset
// paths keep one build right under either (test/electron/shell/rendererProtocol.test.ts checks).
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
})
