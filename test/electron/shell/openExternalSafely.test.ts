import { beforeEach, describe, expect, it, vi } from 'vitest'
import { openExternalSafely } from '../../../electron/security/openExternalSafely'
import { resetElectronStandIn, shell } from '../../support/electronStandIn'
import { createRecordingLogger } from '../../support/recordingLogger'

vi.mock('electron', () => import('../../support/electronStandIn'))

beforeEach(() => resetElectronStandIn())

describe('openExternalSafely', () => {
  it('opens http and https links in the default browser', async () => {
    const logger = createRecordingLogger()
    await openExternalSafely('https://developer.okta.com/docs/', logger)
    await openExternalSafely('http://intranet.example/help?topic=coupa', logger)
    expect(shell.opened).toEqual(['https://developer.okta.com/docs/', 'http://intranet.example/help?topic=coupa'])
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker.example/share/payload.exe',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    ' https ://broken',
    'not a url',
    '//evil.example/no-scheme',
  ])('refuses %j with invalid_input, logs it and opens nothing', async (url) => {
    const logger = createRecordingLogger()
    await expect(openExternalSafely(url, logger)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(shell.opened).toEqual([])
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn' }))
  })

  it('is not fooled by letter case or surrounding spaces in the scheme', async () => {
    const logger = createRecordingLogger()
    await expect(openExternalSafely('  FILE:///etc/passwd', logger)).rejects.toMatchObject({ code: 'invalid_input' })
    await openExternalSafely('HTTPS://Example.com/Path', logger)
    expect(shell.opened).toEqual(['https://example.com/Path'])
  })
})
