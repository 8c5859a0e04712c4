import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import { createBuilder, type Rollup } from 'vite'
import { describe, expect, it } from 'vitest'

const configFile = fileURLToPath(new URL('../../../vite.electron.config.ts', import.meta.url))

/** Builds one environment of vite.electron.config.ts in memory and returns its output files. */
function buildInMemory(environment: 'main' | 'preload'): Promise<Rollup.OutputChunk[]> {
  // Built once for every test that reads it: a build of main takes a while on a busy machine.
  const build = (builds[environment] ??= buildEnvironment(environment))
  return build
}
const builds: Partial<Record<'main' | 'preload', Promise<Rollup.OutputChunk[]>>> = {}

async function buildEnvironment(environment: 'main' | 'preload'): Promise<Rollup.OutputChunk[]> {
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

  it('bundle main, and the sandbox process beside it, as CommonJS that requires only electron, keytar, Node built-ins and their own chunks', async () => {
    const chunks = await buildInMemory('main')
    expect(chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName).sort()).toEqual(['main.cjs', 'sandbox.cjs'])
    const allowed = new Set(['electron', 'keytar', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
    const main = chunks.find((chunk) => chunk.fileName === 'main.cjs')!
    expect(requiredModules(main.code)).toContain('electron')
    for (const chunk of chunks) {
      // The packaged app ships out/** only: a chunk may require its siblings, never node_modules.
      const outside = requiredModules(chunk.code).filter((name) => !allowed.has(name) && !/^\.\.?\/(chunks\/)?[\w.-]+\.cjs$/.test(name))
      expect({ chunk: chunk.fileName, outside }).toEqual({ chunk: chunk.fileName, outside: [] })
    }
  }, 60_000)

  // Issue 14: every adapter (the AWS SDK included) and every sandbox tenant was in main's one file.
  it("keeps each adapter a chunk main requires on first use, and the sandbox tenants out of main's code", async () => {
    const chunks = await buildInMemory('main')
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    // The modules bundled in a chunk of ours; none for an external (keytar, electron, node:fs).
    const modulesIn = (fileName: string) => Object.keys(byName.get(fileName)?.modules ?? {}).map((id) => id.replaceAll('\\', '/'))
    // What main.cjs loads at start: itself and the chunks it imports statically, all the way down.
    const loadedAtStart = new Set<string>()
    const visit = (fileName: string) => {
      if (loadedAtStart.has(fileName)) return
      loadedAtStart.add(fileName)
      for (const imported of byName.get(fileName)?.imports ?? []) visit(imported)
    }
    visit('main.cjs')
    const atStart = [...loadedAtStart].flatMap(modulesIn)

    expect(atStart.filter((id) => /electron\/connectors\/(okta|cognito|coupa|gotomeeting)\/|@aws-sdk|@smithy|electron\/sandbox\/(okta|cognito|coupa|gotomeeting|framework|people)\//.test(id))).toEqual([])
    // The control: the descriptors and the app's own services are there.
    expect(atStart.some((id) => id.endsWith('shared/catalogue/cognito.ts'))).toBe(true)
    expect(atStart.some((id) => id.endsWith('electron/services/appSandboxes.ts'))).toBe(true)
    const lazily = byName.get('main.cjs')!.dynamicImports.flatMap(modulesIn)
    for (const adapter of ['okta/createOktaConnector.ts', 'cognito/createCognitoConnector.ts', 'coupa/createCoupaConnector.ts', 'gotomeeting/createGoToMeetingConnector.ts']) {
      expect(lazily.filter((id) => id.endsWith(`electron/connectors/${adapter}`))).toHaveLength(1)
    }
    expect(modulesIn('sandbox.cjs').some((id) => id.endsWith('electron/sandbox/okta/startOktaSandbox.ts'))).toBe(true)
    // Cognito signs and sends its calls itself (cognitoWire.ts): the AWS SDK is in no chunk at all.
    expect(chunks.flatMap((chunk) => modulesIn(chunk.fileName)).filter((id) => /@aws-sdk|@smithy/.test(id))).toEqual([])
  }, 60_000)
})
