// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ImportDialog from '../../../../../renderer/src/features/profiles/importing/ImportDialog.vue'
import type { ImportPreviewEntry } from '../../../../../shared/profiles'

const newProfile: ImportPreviewEntry = {
  index: 0,
  connectorId: 'coupa',
  name: 'Coupa test',
  environment: 'sandbox',
  clashesWith: null,
  suggestedName: 'Coupa test',
  secretsNeeded: ['apiKey'],
  refusal: null,
}
const clashing: ImportPreviewEntry = {
  index: 1,
  connectorId: 'okta',
  name: 'Okta prod',
  environment: 'real',
  clashesWith: '00000000-0000-4000-8000-000000000009',
  suggestedName: 'Okta prod (2)',
  secretsNeeded: ['token'],
  refusal: null,
}

afterEach(() => {
  document.body.innerHTML = ''
})

function mountDialog(entries: ImportPreviewEntry[] = [newProfile, clashing]) {
  return mount(ImportDialog, { props: { open: true, entries }, attachTo: document.body })
}

type Wrapper = ReturnType<typeof mountDialog>

function actionSelect(wrapper: Wrapper, name: string) {
  return wrapper.find(`select[aria-label="Action for ${name}"]`)
}

function importButton(wrapper: Wrapper) {
  const button = wrapper.findAll('button').find((candidate) => candidate.text().startsWith('Import'))
  if (!button) throw new Error('no import button')
  return button
}

describe('the import dialog', () => {
  it('lists each profile with its connector and whether its name clashes', () => {
    const wrapper = mountDialog()
    const rows = wrapper.findAll('tbody tr')

    expect(rows).toHaveLength(2)
    expect(rows[0]?.text()).toContain('Coupa test')
    expect(rows[0]?.text()).toContain('Coupa')
    expect(rows[0]?.text()).toContain('New')
    expect(rows[1]?.text()).toContain('Okta prod')
    expect(rows[1]?.text()).toContain('Real tenant')
    expect(rows[1]?.text()).toContain('A profile with this name exists')
  })

  it('adds new profiles and renames clashing ones to the suggested name by default', async () => {
    const wrapper = mountDialog()

    expect((actionSelect(wrapper, 'Coupa test').element as HTMLSelectElement).value).toBe('add')
    expect((actionSelect(wrapper, 'Okta prod').element as HTMLSelectElement).value).toBe('rename')
    expect((wrapper.find('input[aria-label="New name for Okta prod"]').element as HTMLInputElement).value).toBe('Okta prod (2)')

    await importButton(wrapper).trigger('click')

    expect(wrapper.emitted('confirm')).toEqual([
      [
        [
          { index: 0, action: 'add' },
          { index: 1, action: 'rename', name: 'Okta prod (2)' },
        ],
      ],
    ])
  })

  it('offers no plain Add for a clash: only rename, replace or skip', () => {
    const wrapper = mountDialog()
    const values = actionSelect(wrapper, 'Okta prod')
      .findAll('option')
      .map((option) => option.attributes('value'))

    expect(values).toEqual(['rename', 'replace', 'skip'])
    expect(actionSelect(wrapper, 'Okta prod').text()).toContain('Import under a new name')
    const newName = wrapper.find('input[aria-label="New name for Okta prod"]').element as HTMLInputElement
    expect(newName.value).toBe('Okta prod (2)')
  })

  it('sends the chosen replace, skip and typed rename', async () => {
    const third: ImportPreviewEntry = { ...clashing, index: 2, name: 'Okta dev', suggestedName: 'Okta dev (2)' }
    const wrapper = mountDialog([newProfile, clashing, third])

    await actionSelect(wrapper, 'Coupa test').setValue('skip')
    await actionSelect(wrapper, 'Okta prod').setValue('replace')
    await wrapper.find('input[aria-label="New name for Okta dev"]').setValue('Okta dev old')
    await importButton(wrapper).trigger('click')

    expect(importButton(wrapper).text()).toBe('Import 2 profiles')
    expect(wrapper.emitted('confirm')?.[0]?.[0]).toEqual([
      { index: 0, action: 'skip' },
      { index: 1, action: 'replace' },
      { index: 2, action: 'rename', name: 'Okta dev old' },
    ])
  })

  it('will not import with an empty new name, and says why', async () => {
    const wrapper = mountDialog()

    await wrapper.find('input[aria-label="New name for Okta prod"]').setValue('   ')

    expect(importButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Give every renamed profile a name')
    await importButton(wrapper).trigger('click')
    expect(wrapper.emitted('confirm')).toBeUndefined()
  })

  it('will not import when every profile is skipped', async () => {
    const wrapper = mountDialog()

    await actionSelect(wrapper, 'Coupa test').setValue('skip')
    await actionSelect(wrapper, 'Okta prod').setValue('skip')

    expect(importButton(wrapper).attributes('disabled')).toBeDefined()
  })

  it('shows why an entry on http:// cannot be imported, offers only Skip for it, and imports the rest', async () => {
    const refusal = 'Target URL: Real tenants need an address starting with https://, since over http:// the credentials would travel in clear.'
    const insecure: ImportPreviewEntry = { ...clashing, index: 2, name: 'Okta old', clashesWith: null, suggestedName: 'Okta old', refusal }
    const wrapper = mountDialog([newProfile, insecure])

    const row = wrapper.findAll('tbody tr')[1]
    expect(row?.text()).toContain(`Cannot be imported: ${refusal}`)
    expect(row?.text()).not.toContain('New')
    expect(actionSelect(wrapper, 'Okta old').findAll('option').map((option) => option.attributes('value'))).toEqual(['skip'])
    expect(importButton(wrapper).text()).toBe('Import 1 profile')

    await importButton(wrapper).trigger('click')

    expect(wrapper.emitted('confirm')?.[0]?.[0]).toEqual([
      { index: 0, action: 'add' },
      { index: 2, action: 'skip' },
    ])
  })

  it('closes on Escape by asking its owner to cancel', async () => {
    const wrapper = mountDialog()

    await wrapper.find('dialog').trigger('keydown', { key: 'Escape' })

    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })
})
