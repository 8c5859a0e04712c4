import { ref, watch, type Ref } from 'vue'
import { getDescriptor, type ObjectTypeDescriptor } from '../../../../shared/catalogue'
import type { PersonAccount } from '../../../../shared/people'
import { accountKey } from '../../../../shared/personGrouping'
import { useApi } from '../../api/lanyardApi'
import { groupTypesOf } from '../directory/detail/membershipRules'
import { countOf, pluralNoun } from '../directory/list/listWords'

/** Memberships read per account for the person page: one page is enough to count most people. */
const countPageSize = 200

/** One kind of membership counted: "3", or "50+" when the first page did not hold them all. */
interface KindCount {
  type: ObjectTypeDescriptor
  count: number
  more: boolean
}

/**
 * The groups, roles and other memberships of each account, read with `directory.groupsOf` once per
 * kind the target has (Okta: groups; Coupa: content groups, roles, approval groups, account groups)
 * when the page shows the account, never again for an account already counted. A target with one
 * kind shows the number; with several, each kind the person holds ("4 roles · 2 approval groups"),
 * as counting only Coupa's content groups under "Groups / roles" said 1 for someone with 4 roles.
 * '…' while reading; "Could not read" if any read failed.
 */
export function usePersonGroupCounts(accounts: Ref<readonly PersonAccount[]>): Ref<Record<string, string>> {
  const counts = ref<Record<string, string>>({})
  const asked = new Set<string>()

  async function countKind(account: PersonAccount, type: ObjectTypeDescriptor): Promise<KindCount | null> {
    const key = accountKey(account)
    const result = await useApi().invoke('directory.groupsOf', {
      profileId: account.profileId,
      objectType: 'users',
      objectId: account.userId,
      relatedType: type.id,
      pageSize: countPageSize,
      requestKey: `person-groups:${type.id}:${key}`,
    })
    if (!result.ok) return null
    if (result.value.total !== null) return { type, count: result.value.total, more: false }
    return { type, count: result.value.items.length, more: result.value.nextCursor !== null }
  }

  async function count(account: PersonAccount): Promise<void> {
    const key = accountKey(account)
    asked.add(key)
    counts.value[key] = '…'
    const kinds = groupTypesOf(getDescriptor(account.connectorId))
    const counted = await Promise.all(kinds.map((type) => countKind(account, type)))
    counts.value[key] = described(counted)
  }

  watch(
    accounts,
    (current) => {
      for (const account of current) if (!asked.has(accountKey(account))) void count(account)
    },
    { immediate: true },
  )
  return counts
}

function described(counted: readonly (KindCount | null)[]): string {
  if (counted.some((kind) => kind === null)) return 'Could not read'
  const kinds = counted as KindCount[]
  const number = (kind: KindCount) => `${kind.count}${kind.more ? '+' : ''}`
  if (kinds.length === 1) return number(kinds[0]!)
  const held = kinds.filter((kind) => kind.count > 0)
  if (held.length === 0) return '0'
  return held.map((kind) => (kind.more ? `${number(kind)} ${pluralNoun(kind.type)}` : countOf(kind.count, kind.type))).join(' · ')
}
