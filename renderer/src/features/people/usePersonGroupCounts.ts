import { ref, watch, type Ref } from 'vue'
import type { PersonAccount } from '../../../../shared/people'
import { accountKey } from '../../../../shared/personGrouping'
import { useApi } from '../../api/lanyardApi'

/** Memberships read per account for the person page: one page is enough to count most people. */
const countPageSize = 200

/**
 * The number of groups (or roles) of each account, read with `directory.groupsOf` once per account
 * when the page shows it: one request per account, never again for an account already counted.
 * "50+" when the first page did not hold them all; null while reading; the error text if it failed.
 */
export function usePersonGroupCounts(accounts: Ref<readonly PersonAccount[]>): Ref<Record<string, string>> {
  const counts = ref<Record<string, string>>({})
  const asked = new Set<string>()

  async function count(account: PersonAccount): Promise<void> {
    const key = accountKey(account)
    asked.add(key)
    counts.value[key] = '…'
    const result = await useApi().invoke('directory.groupsOf', {
      profileId: account.profileId,
      objectType: 'users',
      objectId: account.userId,
      pageSize: countPageSize,
      requestKey: `person-groups:${key}`,
    })
    if (!result.ok) counts.value[key] = 'Could not read'
    else if (result.value.total !== null) counts.value[key] = String(result.value.total)
    else counts.value[key] = `${result.value.items.length}${result.value.nextCursor ? '+' : ''}`
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
