// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useUiStore } from '../../../../renderer/src/stores/ui'
import { group, mountPanel, ok, page } from './detailFixtures'

const downloads = vi.hoisted(() => [] as { fileName: string; content: string; type: string | undefined }[])
vi.mock('../../../../renderer/src/features/profiles/downloadFile', () => ({
  downloadFile: (fileName: string, content: string, type?: string) => downloads.push({ fileName, content, type }),
}))

afterEach(() => {
  downloads.length = 0
  document.body.innerHTML = ''
})

describe('a member list exported to CSV', () => {
  it("exports a user's groups loaded so far, named after the user, and says the rest needs Show more", async () => {
    const { wrapper } = await mountPanel({
      answers: { 'directory.groupsOf': () => ok(page([group('00g1', 'Équipe Montréal'), group('00g2', 'Finance')], 'cursor-2')) },
    })
    const exportButton = wrapper.find('.memberships__export')
    expect(exportButton.text()).toBe('Export CSV: the 2 loaded groups')

    await exportButton.trigger('click')
    await flushPromises()

    expect(downloads).toHaveLength(1)
    const [file] = downloads
    expect(file!.fileName).toMatch(/^ada-lovelace-groups-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(file!.type).toBe('text/csv;charset=utf-8')
    const lines = file!.content.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Name,Details,Status,Read-only because,Id')
    expect(lines[1]).toMatch(/^Équipe Montréal,/)
    expect(lines[1]).toMatch(/,00g1$/)
    expect(useUiStore().toasts.map((toast) => toast.message)).toEqual([
      `Exported the 2 loaded groups to ${file!.fileName}. Use Show more first to export every one.`,
    ])
  })
})
