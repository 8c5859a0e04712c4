import type { ConfirmationRequest } from '../../../stores/ui'
import { membershipPlan } from './changePlans'

/*
 * Adding several memberships at once (issue 15: one group per confirmation was the finding): the
 * picker's words for what is ticked, and the one confirmation that names every membership added.
 * One choice reads exactly as a single add always has.
 */

function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`
}

/** "Add to 3 groups…", "Add 2 members…"; "Chosen (3)". */
export function pickerChoiceWords(count: number, choiceNoun: string): { addLabel: string; chosenLabel: string } {
  const adding = choiceNoun === 'member' ? `Add ${count === 0 ? 'members' : plural(count, 'member')}…` : `Add to ${count === 0 ? `${choiceNoun}s` : plural(count, choiceNoun)}…`
  return { addLabel: adding, chosenLabel: `Chosen (${count})` }
}

/**
 * One confirmation for every membership a pick adds: to a user, the groups (`groupNoun`); to a
 * group, the members. `names` are the other side's names, in the order ticked.
 */
export function addMembershipsPlan(side: 'user' | 'group', ownName: string, names: readonly string[], groupNoun: string): ConfirmationRequest {
  if (names.length === 1) {
    const [name = ''] = names
    return side === 'user' ? membershipPlan('add', ownName, name, groupNoun) : membershipPlan('add', name, ownName, groupNoun)
  }
  const capitalNoun = `${groupNoun.charAt(0).toUpperCase()}${groupNoun.slice(1)}`
  if (side === 'user') {
    return {
      title: `Add to ${plural(names.length, groupNoun)}?`,
      message: `Add ${ownName} to ${names.length} ${groupNoun}s, one change each.`,
      lines: [{ label: 'User', text: ownName }, ...names.map((name) => ({ label: capitalNoun, text: name }))],
      confirmLabel: `Add to ${plural(names.length, groupNoun)}`,
      danger: false,
    }
  }
  return {
    title: `Add ${plural(names.length, 'member')}?`,
    message: `Add ${names.length} users to ${ownName}, one change each.`,
    lines: [{ label: capitalNoun, text: ownName }, ...names.map((name) => ({ label: 'User', text: name }))],
    confirmLabel: `Add ${plural(names.length, 'member')}`,
    danger: false,
  }
}
