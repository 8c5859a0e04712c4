import type { Attributes, DirectoryObject } from '../../../shared/directory'
import { fieldLabel, validateChanges } from '../../../shared/directoryValidation'
import { refuseProblems } from '../../errors/AppError'
import { runSteps, type Step } from '../runSteps'
import type { ChangeOptions } from '../Connector'
import { objectRecord, text, userPath, type CoupaContext } from './coupaTypes'
import { userToObject } from './coupaUserMapping'
import { securityTypeUpdate, userWrite } from './coupaUserWrites'
import { fetchUser, getUser, refuseSegmentsWithoutChart, segmentsStep } from './coupaUsers'

/*
 * An update as Coupa needs it (CONNECTORS.md §2): one PUT carrying only what changes, the computed
 * account-security-type when it changes, and segment 1 / 2 in a second PUT after the rest. An
 * association array sent non-empty is added to, and sent empty is cleared (A.6): taking a name
 * out of one is "clear, then set the rest", two named steps; a failure between them is reported as
 * exactly that.
 */

function namesIn(user: Record<string, unknown>, key: string): string[] {
  const list = user[key]
  return Array.isArray(list) ? list.map((item) => text(objectRecord(item)?.name)).filter((name) => name !== '') : []
}

function lower(names: readonly string[]): Set<string> {
  return new Set(names.map((name) => name.toLowerCase()))
}

export async function updateUser(context: CoupaContext, id: string, changes: Attributes, options: ChangeOptions = {}): Promise<DirectoryObject> {
  refuseProblems(validateChanges(context.users, changes), 'Nothing was sent')
  const user = await fetchUser(context, id)
  const current = userToObject(context, user)
  const write = userWrite(context, changes)
  const after = { ...current.attributes, ...changes }
  refuseSegmentsWithoutChart(write, after)

  const body: Record<string, unknown> = { ...write.body, ...securityTypeUpdate(current.attributes, after) }

  const clears: Step[] = []
  for (const [key, { path, names }] of write.arrays) {
    const had = namesIn(user, key)
    const wanted = lower(names)
    const added = names.filter((name) => !lower(had).has(name.toLowerCase()))
    const removes = had.some((name) => !wanted.has(name.toLowerCase()))
    if (removes) {
      const label = fieldLabel(path).toLowerCase()
      clears.push({
        name: `Clear ${current.displayName}'s ${label}`,
        required: true,
        writes: [path],
        run: async () => void (await context.http.request({ method: 'PUT', path: userPath(current.id), body: { [key]: [] }, idempotent: true })),
      })
      if (names.length > 0) body[key] = names.map((name) => ({ name }))
    } else if (added.length > 0) {
      body[key] = added.map((name) => ({ name }))
    }
  }

  const steps: Step[] = [...clears]
  if (Object.keys(body).length > 0) {
    steps.push({
      name: clears.length > 0 ? `Set ${current.displayName}'s other changes and the remaining groups` : `Update ${current.displayName}`,
      required: true,
      writes: Object.keys(changes).filter((path) => !path.startsWith('Extension.Segment')),
      run: async () => void (await context.http.request({ method: 'PUT', path: userPath(current.id), body })),
    })
  }
  if (write.segments) steps.push(segmentsStep(context, () => current.id, current.displayName, write))

  if (steps.length === 0) return current
  if (steps.length === 1) await steps[0]!.run()
  else {
    const reports = await runSteps(steps, {
      signal: context.signal,
      operation: `The change to ${current.displayName}`,
      advice: 'What was applied stays applied: finish or roll back the change from the Activity view.',
      adviceWhenNothingApplied: 'Nothing was changed: correct what the failed step names and try again.',
    })
    options.onSteps?.(reports)
  }
  return getUser(context, current.id)
}
