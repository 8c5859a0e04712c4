import { describe, expect, it } from 'vitest'
import { keychainAdvice } from '../../../electron/secrets/keychainAdvice'

describe('keychainAdvice', () => {
  it('tells a help-desk person what to do in their own platform’s terms', () => {
    expect(keychainAdvice('linux')).toContain('Unlock your login keyring, or install and start gnome-keyring or KWallet')
    expect(keychainAdvice('darwin')).toContain('Keychain Access')
    expect(keychainAdvice('win32')).toContain('Windows Credential Manager')
  })
})
