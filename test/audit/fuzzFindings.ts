import type { Result } from '../../shared/errors'
import { findCanaries } from './canaryForms'
import type { DoorAnswer } from './fuzzDoors'

/**
 * The rules every answer keeps, malformed call or not, and a tally of the cases that broke them:
 * grouped by what broke and on which call, each group with a count and one example, so a table
 * cell can say precisely what failed without listing thousands of lines.
 */
export class Findings {
  tried = 0
  /** Cases that broke at least one rule (a case may break several). */
  failed = 0
  private readonly groups = new Map<string, { count: number; example: string }>()

  /** One case tried, and what it broke (nothing, when `problems` is empty). */
  record(problems: readonly string[], call: string, example: string): void {
    this.tried++
    if (problems.length > 0) this.failed++
    for (const problem of problems) {
      const key = `${problem} [${call}]`
      const group = this.groups.get(key)
      if (group) group.count++
      else this.groups.set(key, { count: 1, example })
    }
  }

  /** The groups, most frequent first, each `N× problem [call], e.g. example`. */
  describe(limit = 20): string {
    const groups = [...this.groups.entries()].sort((a, b) => b[1].count - a[1].count)
    const lines = groups.slice(0, limit).map(([key, group]) => `${group.count}× ${key}, e.g. ${group.example}`)
    if (groups.length > limit) lines.push(`…and ${groups.length - limit} more kinds`)
    return lines.join('; ')
  }
}

// `at fn (/path/file.ts:12:3)`, `at /path/file.js:1:2`, `at node:internal/…`: a stack frame.
const stackFrame = /\bat\s+(?:[^\s()]+\s+)?\(?(?:[^\s()]+\.(?:[cm]?js|ts|vue)|node:[\w/]+):\d+(?::\d+)?\)?/

/** What is wrong with one answer, whatever was asked: each problem one short phrase. */
export function answerProblems(answer: DoorAnswer, secrets: ReadonlyMap<string, string>): { problems: string[]; result?: Result<unknown> } {
  if ('noAnswer' in answer) return { problems: [`no answer (${answer.noAnswer})`] }
  const problems: string[] = []
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`)
  if (stackFrame.test(answer.text)) problems.push('a stack trace in the answer')
  for (const found of findCanaries(answer.text, secrets)) problems.push(`secret in the answer: ${found}`)
  let result: Result<unknown> | undefined
  try {
    result = JSON.parse(answer.text) as Result<unknown>
  } catch {
    problems.push(`answer is not JSON (${answer.text.slice(0, 60)})`)
    return { problems }
  }
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') problems.push('answer is not a Result')
  else if (!result.ok && result.error.code === 'internal') problems.push(`internal: ${result.error.message.slice(0, 80).replaceAll(';', ',')}`)
  return { problems, result }
}
