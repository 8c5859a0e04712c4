import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig, type EnvironmentOptions } from 'vite'

// The Electron side: main and preload, each bundled into ONE CommonJS file in out/electron/.
// They are separate builds (two environments) because a shared chunk would leave the preload
// with a `require('./chunk.cjs')`, which a sandboxed preload cannot do: it may only require
// `electron`. Everything else is bundled; `electron` is provided at run time, keytar is a native
// module and Node's built-ins are Node's.
const external = ['electron', 'keytar', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

function commonJsBundle(entry: string, fileName: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external },
    build: {
      outDir: fileURLToPath(new URL('./out/electron', import.meta.url)),
      emptyOutDir,
      target: 'node22',
      ssr: true,
      sourcemap: false,
      minify: false,
      copyPublicDir: false,
      rollupOptions: {
        input: fileURLToPath(new URL(entry, import.meta.url)),
        external,
        // zod ships `@__PURE__` comments in spots Rollup cannot use; the notice is noise.
        onwarn: (warning, warn) => warning.code === 'INVALID_ANNOTATION' || warn(warning),
        output: {
          format: 'cjs',
          entryFileNames: fileName,
          inlineDynamicImports: true,
          // `import('keytar')` (loaded lazily) becomes a plain require, which Electron resolves
          // inside the packaged app like any other CommonJS module.
          dynamicImportInCjs: false,
        },
      },
    },
  }
}

export default defineConfig({
  publicDir: false,
  environments: {
    main: commonJsBundle('./electron/main.ts', 'main.cjs', true),
    preload: commonJsBundle('./electron/preload.ts', 'preload.cjs', false),
  },
  builder: {
    // In order: main empties out/electron first, then the preload is written beside it.
    async buildApp(builder) {
      await builder.build(builder.environments.main!)
      await builder.build(builder.environments.preload!)
    },
  },
})
