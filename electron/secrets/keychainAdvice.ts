/**
 * What a help-desk person can do when the OS keychain refuses, in their platform's words.
 * Kept apart from the keytar wrapper so the wording can be tested without a keychain.
 */
export function keychainAdvice(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain (Keychain Access) and allow Lanyard to use it, then try again.'
    case 'win32':
      return 'Make sure Windows Credential Manager is available for your account (sign out and in again if it is not), then try again.'
    default:
      return 'Unlock your login keyring, or install and start gnome-keyring or KWallet (a Secret Service provider), then try again.'
  }
}
