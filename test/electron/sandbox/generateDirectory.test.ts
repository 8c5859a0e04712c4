import { describe, expect, it } from 'vitest'
import { generateDirectory } from '../../../electron/sandbox/people/generateDirectory'

describe('generateDirectory', () => {
  it('generates the same people and groups from the same seed, and different ones from another seed', () => {
    const first = generateDirectory({ count: 300, seed: 'alpha' })
    expect(generateDirectory({ count: 300, seed: 'alpha' })).toEqual(first)
    const other = generateDirectory({ count: 300, seed: 'beta' })
    expect(other.people.map((person) => person.email)).not.toEqual(first.people.map((person) => person.email))
  })

  it('generates nobody for 0, yet still the groups', () => {
    const empty = generateDirectory({ count: 0, seed: 'x' })
    expect(empty.people).toEqual([])
    expect(empty.groups.length).toBeGreaterThanOrEqual(15)
    expect(empty.groups.every((group) => group.memberIndexes.length === 0)).toBe(true)
  })

  it('refuses a count outside 0..100,000', () => {
    expect(() => generateDirectory({ count: 100_001, seed: 'x' })).toThrow(/0 to 100000/)
    expect(() => generateDirectory({ count: -1, seed: 'x' })).toThrow(/whole number/)
    expect(() => generateDirectory({ count: 1.5, seed: 'x' })).toThrow(/whole number/)
  })

  // How long this takes is measured by `npm run bench`, not asserted here.
  it('generates 100,000 people with unique emails', () => {
    const { people } = generateDirectory({ count: 100_000, seed: 'lanyard', domain: 'corp.example' })
    expect(people).toHaveLength(100_000)
    const emails = new Set(people.map((person) => person.email.toLowerCase()))
    expect(emails.size).toBe(100_000)
    for (const person of people.slice(0, 2000)) expect(person.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@corp\.example$/)
    expect(people.some((person) => /\.[a-z-]+\d+@/.test(person.email))).toBe(true)
  })

  describe('a realistic company', () => {
    const { people, groups } = generateDirectory({ count: 2000, seed: 'company' })

    it('has twelve departments with a head each, and everyone else reports to someone in their department', () => {
      const departments = new Set(people.map((person) => person.department))
      expect(departments.size).toBe(12)
      const heads = people.filter((person) => person.managerIndex === null)
      expect(heads).toHaveLength(12)
      expect(heads.every((head) => head.title.startsWith('Head of ') && head.status === 'active')).toBe(true)
      for (const person of people.filter((candidate) => candidate.managerIndex !== null)) {
        const manager = people[person.managerIndex as number]
        expect(manager?.department).toBe(person.department)
        expect(person.managerIndex).toBeLessThan(person.index)
      }
    })

    it('spreads people over many names, places, time zones and locales', () => {
      expect(new Set(people.map((person) => person.firstName)).size).toBeGreaterThan(80)
      expect(new Set(people.map((person) => person.lastName)).size).toBeGreaterThan(80)
      expect(new Set(people.map((person) => person.country)).size).toBeGreaterThan(8)
      expect(new Set(people.map((person) => person.timeZone)).size).toBeGreaterThan(8)
      expect(new Set(people.map((person) => person.locale)).size).toBeGreaterThan(8)
      expect(people.some((person) => /[^ -~]/.test(person.lastName))).toBe(true)
      for (const person of people.slice(0, 100)) {
        expect(person).toMatchObject({ employeeNumber: expect.stringMatching(/^\d{6}$/), costCentre: expect.stringMatching(/^CC-\d{4}$/) })
        expect(person.phone).toMatch(/^\+\d+ [\d ]+$/)
        expect(person.streetAddress).toMatch(/^\d+ \S/)
        expect(person.division && person.title && person.city && person.postcode).toBeTruthy()
      }
    })

    it('puts a few percent in other states than active', () => {
      const inactive = people.filter((person) => person.status !== 'active')
      expect(inactive.length / people.length).toBeGreaterThan(0.01)
      expect(inactive.length / people.length).toBeLessThan(0.1)
      expect(new Set(inactive.map((person) => person.status)).size).toBeGreaterThanOrEqual(4)
    })

    it('puts everyone in their department group and 0 to 2 others', () => {
      for (const person of people) {
        const [departmentGroup, ...others] = person.groupIndexes.map((index) => groups[index])
        expect(departmentGroup?.name).toBe(person.department)
        expect(others.length).toBeLessThanOrEqual(2)
        expect(others.every((group) => group?.kind !== 'department')).toBe(true)
        expect(new Set(person.groupIndexes).size).toBe(person.groupIndexes.length)
      }
      const named = (name: string) => groups.find((group) => group.name === name)
      expect(named('All Contractors')?.memberIndexes.every((index) => people[index]?.employmentType === 'Contractor')).toBe(true)
      expect(named('VPN Users')?.memberIndexes.length).toBeGreaterThan(100)
      expect(groups.filter((group) => group.kind === 'directory').length).toBeGreaterThan(0)
      for (const group of groups) for (const index of group.memberIndexes) expect(people[index]?.groupIndexes).toContain(group.index)
    })

    it('gives some people the custom badge colours attribute', () => {
      const withBadges = people.filter((person) => person.badgeColours !== null)
      expect(withBadges.length).toBeGreaterThan(people.length * 0.1)
      expect(withBadges.every((person) => (person.badgeColours as string[]).length >= 1)).toBe(true)
    })
  })
})
