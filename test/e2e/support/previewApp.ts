import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PreviewApp {
  url: string
  /** The preview process's pid, as the data folder's lock names it. */
  pid: number
  /** The LANYARD_HOME data folder of this run. */
  home: string
  output(): string
  /** Stops the server, as quitting the app would. */
  stop(): Promise<void>
}

/**
 * Starts the real preview entry point (what `npm run preview` runs after building) in its own
 * process with a throw-away data folder, and waits for the one URL it prints. The keychain is
 * whatever the test run was given (withPrivateKeyring: a private gnome-keyring).
 */
export async function startPreviewApp(
  options: { home?: string; env?: Record<string, string> } = {},
): Promise<PreviewApp> {
  const dataFolder = options.home ?? (await mkdtemp(join(tmpdir(), 'lanyard-e2e-')))
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/startPreview.ts'], {
    env: { ...process.env, ...options.env, LANYARD_HOME: dataFolder },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await waitForUrl(child, () => output)
  return {
    url,
    pid: child.pid ?? 0,
    home: dataFolder,
    output: () => output,
    stop: () => stopProcess(child),
  }
}

/**
 * Makes one contract call through the preview bridge, as the opened page would (its origin, its
 * token), for a test's setup; the answer is the call's `Result`.
 */
export function invokeCall(app: PreviewApp, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> {
  const address = new URL(app.url)
  const body = JSON.stringify(input)
  return new Promise((resolve, reject) => {
    const call = request(
      new URL(`/api/invoke/${name}`, address.origin),
      {
        method: 'POST',
        headers: { Origin: address.origin, 'X-Lanyard-Token': address.searchParams.get('token') ?? '', 'Content-Type': 'application/json' },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => {
          try {
            resolve(JSON.parse(text) as { ok: boolean })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
      },
    )
    call.on('error', reject)
    call.end(body)
  })
}

export async function removeDataFolder(app: PreviewApp): Promise<void> {
  await rm(app.home, { recursive: true, force: true })
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start in time:\n${output()}`)), 30_000)
    const check = () => {
      const match = /Lanyard preview: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`preview exited with ${code}:\n${output()}`))
    })
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
