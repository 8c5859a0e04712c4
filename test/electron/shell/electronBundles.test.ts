import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createBuilder, type Rollup } from 'vite'
import { describe, expect, it } from 'vitest'

const configFile = fileURLToPath(new URL('../../../vite.electron.config.ts', import.meta.url))

/** Builds one environment of vite.electron.config.ts in memory and returns its single output file. */
async function buildInMemory(environment: 'main' | 'preload'): Promise<Rollup.OutputChunk[]> {
  const inMemory = { build: { write: false } }
  const builder = await createBuilder({ configFile, logLevel: 'silent', environments: { main: inMemory, preload: inMemory } })
  const target = builder.environments[environment]
  if (!target) throw new Error(`vite.electron.config.ts has no ${environment} environment`)
  const output = (await builder.build(target)) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const outputs = Array.isArray(output) ? output : [output]
  return outputs.flatMap((result) => result.output).filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
}

function requiredModules(code: string): string[] {
  // Not a `[require("…")]` quoted inside a message: the AWS SDK's errors tell people how to load
  // optional signers that way, and no code runs them.
  return [...code.matchAll(/(?<!\[)\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] ?? '')
}

describe('the Electron bundles', () => {
  it('bundle the preload into one CommonJS file that requires nothing but electron', async () => {
    const chunks = await buildInMemory('preload')
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['preload.cjs'])
    const [preload] = chunks
    expect(requiredModules(preload?.code ?? '')).toEqual(['electron'])
    expect(preload?.code).not.toMatch(/\bimport\(|zod/)
    expect(preload?.code).toContain('exposeInMainWorld("lanyard"')
  }, 60_000)

  it('bundle main into one CommonJS file that requires only electron, keytar and Node built-ins', async () => {
    const chunks = await buildInMemory('main')
    expect(chunks.map((chunk) => chunk.fileName)).toEqual(['main.cjs'])
    const allowed = new Set(['electron', 'keytar', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
    const required = requiredModules(chunks[0]?.code ?? '')
    expect(required).toContain('electron')
    expect(required.filter((name) => !allowed.has(name))).toEqual([])
  }, 60_000)
})
