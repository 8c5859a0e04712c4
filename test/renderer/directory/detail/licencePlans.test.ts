import { describe, expect, it } from 'vitest'
import { licencePlan } from '../../../../renderer/src/features/directory/detail/licences/licencePlans'
import { adminRoleWord } from '../../../../shared/licenses'
import type { DirectoryObject } from '../../../../shared/directory'
import type { ProfileView } from '../../../../shared/profiles'

const profile = { name: 'GoTo Sandbox', environment: 'sandbox' } as ProfileView
const dana = { displayName: 'Dana Reyes' } as DirectoryObject
const view = (key: string, name: string) => ({ key, name, products: 'GoTo Meeting', freeSeats: 3, enabled: true })
const meeting = view('1', 'GoTo Meeting Business')
const webinar = view('2', 'GoTo Webinar')

describe('the licence confirmations', () => {
  it('shows the licences before → after for an assignment', () => {
    const plan = licencePlan('assign', profile, dana, { held: [meeting], others: [webinar], adminRoles: [] }, webinar)
    expect(plan.message).toBe('Assign GoTo Webinar to Dana Reyes.')
    expect(plan.lines).toContainEqual({ label: 'Licences', before: 'GoTo Meeting Business', after: 'GoTo Meeting Business, GoTo Webinar' })
    expect(plan.warnings).toBeUndefined()
  })

  it('says first that removing the last licence of a Member suspends them, and not when an admin role remains', () => {
    const last = licencePlan('remove', profile, dana, { held: [meeting], others: [], adminRoles: [] }, meeting)
    expect(last.lines).toContainEqual({ label: 'Licences', before: 'GoTo Meeting Business', after: 'none' })
    expect(last.warnings?.[0]).toMatch(/GoTo then shows them Suspended/)
    expect(last.danger).toBe(true)
    const admin = licencePlan('remove', profile, dana, { held: [meeting], others: [], adminRoles: ['Super Admin'] }, meeting)
    expect(admin.warnings).toBeUndefined()
  })

  it('names admin roles in words, never as a code', () => {
    expect(adminRoleWord('SUPER_USER')).toBe('Super Admin')
    expect(adminRoleWord('MANAGE_USERS')).toBe('Manage users')
  })
})
