import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { parseSandboxArguments } from '../../../electron/sandbox/parseSandboxArguments'
import { startSandboxes } from '../../../electron/sandbox/startSandboxes'

const repositoryRoot = new URL('../../../', import.meta.url).pathname

describe('startSandboxes', () => {
  it('starts the Okta tenant and describes every tenant in one JSON line keyed by connector id', async () => {
    const sandboxes = await startSandboxes({ users: 3 })
    try {
      const line = sandboxes.line()
      expect(line).not.toContain('\n')
      const parsed = JSON.parse(line) as Record<string, { url: string; token: string }>
      expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['okta', 'cognito', 'coupa', 'gotomeeting']))
      expect(parsed.okta).toEqual({ url: sandboxes.tenants[0]?.url, token: sandboxes.tenants[0]?.credentials.token })
      const response = await fetch(`${parsed.okta?.url}/api/v1/users`, { headers: { Authorization: `SSWS ${parsed.okta?.token}` } })
      expect(response.status).toBe(200)
      const cognito = parsed.cognito as unknown as Record<'url' | 'accessKeyId' | 'accessSecret' | 'region' | 'userPoolId', string>
      expect(cognito).toMatchObject({ accessKeyId: expect.stringMatching(/^AKIA/) as unknown, region: 'eu-west-1', userPoolId: expect.stringMatching(/^eu-west-1_/) as unknown })
      const unsigned = await fetch(`${cognito.url}/`, { method: 'POST', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.ListUsers' }, body: '{}' })
      expect(((await unsigned.json()) as { __type: string }).__type).toMatch(/MissingAuthenticationTokenException$/)
      const coupa = parsed.coupa as unknown as { url: string; apiKey: string; customProperties: string }
      expect(coupa.customProperties).toBe('cost_center|string;new_user|boolean;')
      const coupaUsers = await fetch(`${coupa.url}/api/users`, { headers: { 'X-COUPA-API-KEY': coupa.apiKey, Accept: 'application/json' } })
      expect(coupaUsers.status).toBe(200)
      const gotomeeting = parsed.gotomeeting as unknown as Record<'url' | 'username' | 'password' | 'clientId' | 'clientSecret' | 'accountKey', string>
      expect(gotomeeting.url).toMatch(/\/admin\/rest\/v1\/$/)
      const goToToken = await fetch(`${new URL(gotomeeting.url).origin}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${gotomeeting.clientId}:${gotomeeting.clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: gotomeeting.username, password: gotomeeting.password }).toString(),
      })
      const { access_token: accessToken } = (await goToToken.json()) as { access_token: string }
      const goToUsers = await fetch(`${gotomeeting.url}accounts/${gotomeeting.accountKey}/users`, { headers: { Authorization: `Bearer ${accessToken}` } })
      expect(goToUsers.status).toBe(200)
    } finally {
      await sandboxes.close()
    }
  })
})

describe('parseSandboxArguments', () => {
  it('reads every option, with a space or an equals sign', () => {
    expect(parseSandboxArguments(['--users', '500', '--latency=25', '--faults', '0.1', '--seed', 'demo'])).toEqual({
      ok: true,
      options: { users: 500, latencyMs: 25, faultRate: 0.1, faultKinds: ['rate_limit', 'server_error', 'bad_gateway', 'unavailable', 'reset', 'timeout'], seed: 'demo' },
    })
    expect(parseSandboxArguments([])).toEqual({ ok: true, options: {} })
  })

  it('reads --rate-limits as documented, off or a number of requests a second', () => {
    expect(parseSandboxArguments(['--rate-limits', 'documented'])).toEqual({ ok: true, options: { rateLimits: 'documented' } })
    expect(parseSandboxArguments(['--rate-limits=off'])).toEqual({ ok: true, options: { rateLimits: 'off' } })
    expect(parseSandboxArguments(['--rate-limits', '50'])).toEqual({ ok: true, options: { rateLimits: 50 } })
  })

  it.each([
    [['--users', '100001'], '--users "100001" is not allowed: it takes a whole number from 0 to 100000.'],
    [['--users', '-1'], '--users "-1" is not allowed'],
    [['--latency', 'soon'], '--latency "soon" is not allowed: it takes a number of milliseconds, 0 or more.'],
    [['--faults', '2'], '--faults "2" is not allowed: it takes a share of requests from 0 to 1'],
    [['--seed'], '--seed needs a value'],
    [['--rate-limits', '0'], '--rate-limits "0" is not allowed: it takes documented, off, or a whole number of requests a second, 1 or more.'],
    [['--rate-limits', 'some'], '--rate-limits "some" is not allowed'],
    [['--colour', 'red'], 'Unknown option "--colour".'],
  ])('explains what is wrong with %j', (argv, message) => {
    const parsed = parseSandboxArguments(argv)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.message).toContain(message)
      expect(parsed.message).toContain('Usage: npm run sandbox')
    }
  })
})

describe('npm run sandbox (runSandbox.ts)', () => {
  const children: ChildProcessWithoutNullStreams[] = []
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  })

  const run = (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sandbox/runSandbox.ts', ...args], { cwd: repositoryRoot, env: { ...process.env, NO_COLOR: '1' } })
    children.push(child)
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    return { child, exited, stderr: () => stderr }
  }

  it('prints exactly one line whose token works, then closes cleanly on SIGTERM', async () => {
    const { child, exited, stderr } = run(['--users', '25', '--seed', 'cli'])
    const stdoutLines: string[] = []
    const reader = createInterface({ input: child.stdout })
    const firstLine = new Promise<string>((resolve) =>
      reader.on('line', (line) => {
        stdoutLines.push(line)
        resolve(line)
      }),
    )
    const okta = (JSON.parse(await firstLine) as { okta: { url: string; token: string } }).okta
    expect(okta.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${okta.url}/api/v1/users?limit=200`, { headers: { Authorization: `SSWS ${okta.token}` } })
    expect(response.status).toBe(200)
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(20)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdoutLines).toHaveLength(1)
    expect(stderr()).toContain('closing')
    await expect(fetch(okta.url)).rejects.toThrow()
  }, 30_000)

  it('exits with 2 and a clear message on stderr for a bad option, printing nothing on stdout', async () => {
    const { child, exited, stderr } = run(['--faults', 'lots'])
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    expect(await exited).toBe(2)
    expect(stdout).toBe('')
    expect(stderr()).toContain('--faults "lots" is not allowed: it takes a share of requests from 0 to 1')
  }, 30_000)
})
