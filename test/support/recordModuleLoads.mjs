import { register } from 'node:module'
import { setTimeout as wait } from 'node:timers/promises'
import { MessageChannel } from 'node:worker_threads'

/*
 * `node --import tsx --import ./test/support/recordModuleLoads.mjs script.ts`: every module the
 * process loads through `import` (the project's .ts files and packages alike) is recorded, and
 * `globalThis.loadedModules()` answers their URLs. Node 20's loader hooks run on a thread of
 * their own, so each resolved URL comes back over a message port.
 */
const loaded = new Set()
const { port1, port2 } = new MessageChannel()
port1.on('message', (url) => loaded.add(url))
port1.unref()

const hooks = `
let port
export function initialize(data) { port = data.port }
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  port.postMessage(resolved.url)
  return resolved
}`
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] })

/** The URLs resolved so far; waits a turn first so the hook thread's last messages have arrived. */
globalThis.loadedModules = async () => {
  await wait(50)
  return [...loaded]
}
