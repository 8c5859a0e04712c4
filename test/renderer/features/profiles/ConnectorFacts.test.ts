// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ConnectorFacts from '../../../../renderer/src/features/profiles/ConnectorFacts.vue'
import { connectors, getDescriptor } from '../../../../shared/catalogue'

describe('connector facts', () => {
  it.each(connectors.map((descriptor) => [descriptor.label, descriptor] as const))(
    'lists every known limitation of %s',
    (_label, descriptor) => {
      const wrapper = mount(ConnectorFacts, { props: { descriptor } })
      const shown = wrapper.findAll('li').map((item) => item.text())
      expect(shown).toEqual([...descriptor.limitations])
    },
  )

  it('names only the operations a target supports, and where memberships are changed from', () => {
    const wrapper = mount(ConnectorFacts, { props: { descriptor: getDescriptor('coupa') } })
    const rows = Object.fromEntries(
      wrapper.findAll('dt').map((term) => [term.text(), term.element.nextElementSibling?.textContent ?? '']),
    )
    expect(rows.Users).toContain('deprovision')
    expect(rows.Users).not.toContain('delete')
    expect(rows.Roles).toBe('open, list, page through, change memberships (via user)')
  })
})
