import { parseSandboxArguments } from './parseSandboxArguments'
import { startSandboxes } from './startSandboxes'

/**
 * `npm run sandbox`: starts every sandbox tenant in memory and prints exactly one line on stdout,
 * `{"okta":{"url":"http://127.0.0.1:41234","token":"…"}}`, for scripts to read. Everything else
 * goes to stderr. Runs until SIGINT/SIGTERM, then closes the tenants. A bad option exits with 2.
 */
async function main(): Promise<void> {
  const parsed = parseSandboxArguments(process.argv.slice(2))
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`)
    process.exit(2)
  }
  const sandboxes = await startSandboxes(parsed.options)
  process.stdout.write(`${sandboxes.line()}\n`)
  for (const tenant of sandboxes.tenants) process.stderr.write(`sandbox: ${tenant.connectorId} tenant at ${tenant.url}\n`)
  process.stderr.write('sandbox: running; press Ctrl+C to stop.\n')

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`sandbox: ${signal} received, closing.\n`)
    sandboxes.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`sandbox: closing failed: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
