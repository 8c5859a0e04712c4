import type { Environment } from './profiles'

/*
 * Which addresses may carry a profile's credentials. Every request of a connector carries one (a
 * token, an API key, a password, a signature), so over plain http:// anyone on the way could read
 * it. http:// is therefore allowed only for sandbox profiles on this computer (the loopback
 * tenants), where nothing leaves the machine; real tenants are https:// only, loopback or not.
 * The profile form, saving, import, the HTTP client and the Cognito transport all apply this one rule.
 */

const ipv4Loopback = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/**
 * 127.0.0.0/8, ::1 and localhost, as `URL.hostname` gives them (IPv6 in brackets, lower case).
 * Nothing else counts, not even an IPv4-mapped `::ffff:127.0.0.1`: when in doubt, https.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true
  const octets = ipv4Loopback.exec(host)
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255)
}

/** Why credentials may not travel to an address: `real` (a real tenant over http), `remote` (http off this computer). */
export type PlainHttpRefusal = 'real' | 'remote'

/** Undefined when a profile of `environment` may send its credentials to `address`. */
export function plainHttpRefusal(address: URL, environment: Environment): PlainHttpRefusal | undefined {
  if (address.protocol !== 'http:') return undefined
  if (environment === 'real') return 'real'
  return isLoopbackHost(address.hostname) ? undefined : 'remote'
}

/** The same address with https://, to show the person exactly what to write instead. */
function httpsVersionOf(address: string): string {
  return address.replace(/^\s*http:/i, 'https:')
}

/** The message at the address field of the profile form (and of save and import). */
export function plainHttpFieldMessage(refusal: PlainHttpRefusal, address: string): string {
  const instead = `Use ${httpsVersionOf(address)} instead.`
  return refusal === 'real'
    ? `Real tenants need an address starting with https://, since over http:// the credentials would travel in clear. ${instead}`
    : `http:// is only for a sandbox tenant on this computer (localhost or 127.0.0.1): any other address needs https://. ${instead}`
}

/**
 * The refusal when a saved profile is used (one saved by an older Lanyard, or edited by hand):
 * nothing was sent, and what to change.
 */
export function plainHttpUseMessage(refusal: PlainHttpRefusal, profileName: string | undefined, target: string): string {
  const profile = profileName ? `the profile "${profileName}"` : 'this profile'
  const reason =
    refusal === 'real'
      ? "This profile's address uses http://; real tenants need https://."
      : "This profile's address uses http:// for another computer; http:// is only for a sandbox tenant on this computer."
  return `${reason} Nothing was sent to ${target}, so no credential travelled in clear. Edit ${profile} and change its address to start with https://.`
}
