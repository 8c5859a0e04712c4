import { allFaultKinds } from './framework/FaultInjector'
import { maximumPeople } from './people/generateDirectory'
import type { SandboxOptions } from './types'

export type ParsedArguments = { ok: true; options: SandboxOptions } | { ok: false; message: string }

export const sandboxUsage = `Usage: npm run sandbox -- [--users N] [--latency MS] [--faults RATE] [--seed S]
  --users N      people in the company the tenants share, 0 to ${maximumPeople} (default 200);
                 each tenant holds those with an account there (README "Sandbox people")
  --latency MS   milliseconds added before every answer, 0 or more (default 0)
  --faults RATE  share of requests answered with a random fault, 0 to 1 (default 0)
  --seed S       same seed, same people, accounts and groups (default lanyard)
  --rate-limits documented|off|N
                 the targets' documented rate limits, none, or N requests a second in
                 every bucket (default: Okta's 600 a minute per bucket, the others none)`

/** `--users 500`, `--users=500`; each value checked, the message names the option and what it takes. */
export function parseSandboxArguments(argv: readonly string[]): ParsedArguments {
  const options: SandboxOptions = {}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string
    if (argument === '--help' || argument === '-h') return { ok: false, message: sandboxUsage }
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined]
    const value = inline ?? argv[++index]
    const fail = (allowed: string): ParsedArguments => ({ ok: false, message: `${name} ${value === undefined ? 'needs a value' : `"${value}" is not allowed`}: it takes ${allowed}.\n\n${sandboxUsage}` })
    switch (name) {
      case '--users': {
        if (value === undefined || !/^\d+$/.test(value) || Number(value) > maximumPeople) return fail(`a whole number from 0 to ${maximumPeople}`)
        options.users = Number(value)
        break
      }
      case '--latency': {
        if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return fail('a number of milliseconds, 0 or more')
        options.latencyMs = Number(value)
        break
      }
      case '--faults': {
        if (value === undefined || !/^\d+(\.\d+)?$/.test(value) || Number(value) > 1) return fail('a share of requests from 0 to 1, e.g. 0.05')
        options.faultRate = Number(value)
        options.faultKinds = [...allFaultKinds]
        break
      }
      case '--seed': {
        if (value === undefined || value.trim() === '') return fail('any non-empty text')
        options.seed = value
        break
      }
      case '--rate-limits': {
        if (value === 'documented' || value === 'off') options.rateLimits = value
        else if (value !== undefined && /^\d+$/.test(value) && Number(value) >= 1) options.rateLimits = Number(value)
        else return fail('documented, off, or a whole number of requests a second, 1 or more')
        break
      }
      default:
        return { ok: false, message: `Unknown option "${argument}".\n\n${sandboxUsage}` }
    }
  }
  return { ok: true, options }
}
