import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, type EnvironmentOptions } from 'vite'

// The Electron side: main and preload, bundled as CommonJS in out/electron/. They are separate
// builds (two environments) because a shared chunk would leave the preload with a
// `require('./chunk.cjs')`, which a sandboxed preload cannot do: it may only require `electron`,
// so the preload is ONE file. Main keeps each dynamic import as a chunk of its own in
// out/electron/chunks/, required when first needed: an adapter loads when a profile first uses it
// (electron/connectors/registry.ts). Everything else is bundled; `electron` is provided at run
// time, keytar is a native module and Node's built-ins are Node's.
const external = ['electron', 'keytar', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

function commonJsBundle(entries: Record<string, string>, options: { emptyOutDir: boolean; chunks: boolean }): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external },
    build: {
      outDir: fileURLToPath(new URL('./out/electron', import.meta.url)),
      emptyOutDir: options.emptyOutDir,
      target: 'node22',
      ssr: true,
      sourcemap: false,
      minify: false,
      copyPublicDir: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([name, entry]) => [name, fileURLToPath(new URL(entry, import.meta.url))])),
        external,
        // zod ships `@__PURE__` comments in spots Rollup cannot use; the notice is noise.
        onwarn: (warning, warn) => warning.code === 'INVALID_ANNOTATION' || warn(warning),
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          inlineDynamicImports: !options.chunks,
          chunkFileNames: 'chunks/[name]-[hash].cjs',
          // `import('keytar')` and `import('./okta/…')` (loaded lazily) become a plain require,
          // which Electron resolves inside the packaged app like any other CommonJS module.
          dynamicImportInCjs: false,
        },
      },
    },
  }
}

export default defineConfig({
  publicDir: false,
  environments: {
    // sandbox.cjs is the sandbox tenants' utility process (electron/sandbox/process/), kept out of main's memory.
    main: commonJsBundle({ main: './electron/main.ts', sandbox: './electron/sandbox/process/sandboxProcessMain.ts' }, { emptyOutDir: true, chunks: true }),
    preload: commonJsBundle({ preload: './electron/preload.ts' }, { emptyOutDir: false, chunks: false }),
  },
  builder: {
    // In order: main empties out/electron first, then the preload is written beside it.
    async buildApp(builder) {
      await builder.build(builder.environments.main!)
      await builder.build(builder.environments.preload!)
    },
  },
})
