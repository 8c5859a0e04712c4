import { randomUUID } from 'node:crypto'
import type { JobPlan, JobPlanInput, JobPlanRow } from '../../../shared/jobs'
import type { ConnectorPool } from '../../directory/ConnectorPool'
import { AppError } from '../../errors/AppError'
import type { Journal } from '../../journal/Journal'
import type { Logger } from '../../logging/Logger'
import type { StoredProfile } from '../../profiles/profileFileSchema'
import type { PlanStore } from '../PlanStore'
import { LineLookup } from './lineAccounts'
import { withoutOwnAccounts } from './ownAccountLines'
import { planOffboardLines, planProfileLines } from './planAccounts'
import { planAddOrRemove, planCopy, planMove } from './planMemberships'

export interface JobPlannerOptions {
  connectors: ConnectorPool
  journal: Journal
  logger: Logger
  plans: PlanStore
  /** Every stored profile; an offboarding looks in those of its set that are switched on. */
  profiles: () => readonly StoredProfile[]
  switchedOff: () => Promise<readonly string[]>
}

/**
 * `jobs.plan`: reads what each line names and what each change would do, changes nothing, and
 * keeps the plan for `jobs.start`. Lines that cannot be matched are problems in the plan, not errors.
 */
export class JobPlanner {
  private readonly lookup: LineLookup

  constructor(private readonly options: JobPlannerOptions) {
    this.lookup = new LineLookup(options.connectors)
  }

  async plan(input: JobPlanInput): Promise<JobPlan> {
    const context = { ...this.options, lookup: this.lookup, spent: { requests: 0 } }
    let rows: JobPlanRow[]
    let title: string
    if (input.kind === 'offboard') {
      const off = new Set(await this.options.switchedOff())
      const profiles = this.options.profiles().filter((profile) => profile.environment === input.profileSet && !off.has(profile.id))
      if (profiles.length === 0) throw new AppError('invalid_input', `There are no ${input.profileSet} profiles to look in: add one in Profiles first.`)
      rows = await withoutOwnAccounts(context, await planOffboardLines(context, profiles, input.lines))
      title = `Offboard ${count(readyCount(rows), 'person', 'people')}${nothingToDo(rows, 'the list has no lines')}`
    } else {
      const profile = this.profile(input.profileId)
      if (input.kind === 'deprovisionAccounts' || input.kind === 'undoAccounts') {
        rows = await withoutOwnAccounts(context, await planProfileLines(context, profile, input.lines, input.kind === 'undoAccounts'))
        title = `${input.kind === 'undoAccounts' ? 'Undo the deprovision of' : 'Deprovision'} ${count(readyCount(rows), 'account', 'accounts')} in ${profile.name}${nothingToDo(rows, 'the list has no lines')}`
      } else if (input.kind === 'addMembers' || input.kind === 'removeMembers') {
        const action = input.kind === 'addMembers' ? 'addMember' : 'removeMember'
        const planned = await planAddOrRemove(context, profile, input.groupType, input.groupId, input.lines, action)
        rows = planned.rows
        title = `${action === 'addMember' ? 'Add' : 'Remove'} ${count(readyCount(rows), 'person', 'people')} ${action === 'addMember' ? 'to' : 'from'} ${planned.group.name}${nothingToDo(rows, 'the list has no lines')}`
      } else if (input.kind === 'moveMembers') {
        const planned = await planMove(context, profile, input.groupType, input.fromGroupId, input.toGroupId)
        rows = planned.rows
        title = `Move ${count(rows.length, 'member', 'members')} out of ${planned.from.name} into ${planned.to.name}${nothingToDo(rows, `${planned.from.name} has no members`)}`
      } else {
        rows = await planCopy(context, profile, input.fromUserId, input.toUserId)
        title = `Copy ${count(rows.filter((row) => row.state === 'ready').length, 'group', 'groups')} to ${rows.flatMap((row) => row.changes)[0]?.displayName ?? 'the user'}`
      }
    }
    const counts = {
      ready: rows.filter((row) => row.state === 'ready').length,
      skipped: rows.filter((row) => row.state === 'skip').length,
      problems: rows.filter((row) => row.state === 'problem').length,
      changes: rows.reduce((sum, row) => sum + (row.state === 'ready' ? row.changes.length : 0), 0),
    }
    // Loaded when a job is first planned: it reads every connector's documented quotas, and start-up
    // (an Okta listing) loads no other adapter's files (test/electron/connectors/lazyAdapters.test.ts).
    const { estimateJob } = await import('./jobEstimate')
    return this.options.plans.put({ planId: randomUUID(), kind: input.kind, title, rows, counts, estimate: estimateJob(rows, context.spent.requests) })
  }

  private profile(profileId: string): StoredProfile {
    return this.options.connectors.target(profileId).profile
  }
}

function readyCount(rows: readonly JobPlanRow[]): number {
  return rows.filter((row) => row.state === 'ready').length
}

/** Said after the title when no line is ready, so "Add 0 people to Sales" does not read as a job to start. */
function nothingToDo(rows: readonly JobPlanRow[], whenNoRows: string): string {
  if (readyCount(rows) > 0) return ''
  const skipped = rows.filter((row) => row.state === 'skip').length
  const problems = rows.filter((row) => row.state === 'problem').length
  const why = [skipped > 0 && `${count(skipped, 'line', 'lines')} skipped`, problems > 0 && `${count(problems, 'line', 'lines')} with a problem`].filter(Boolean)
  return ` — nothing to do: ${why.length > 0 ? why.join(', ') : whenNoRows}`
}

function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString('en')} ${value === 1 ? one : many}`
}
