/**
 * What to tell the help desk when a connection failed in the corporate network layer: a certificate
 * this computer does not trust (a TLS-inspecting gateway), or a proxy that did not open the tunnel.
 * Shared by the HTTP client and the Cognito transport; null for any other failure.
 */
export interface NetworkWording {
  what: string
  advice: string
}

const untrustedAuthority = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
])

const addCa = "Add your organisation's CA certificate in the profile (ask your IT department for it), or check the proxy settings."

export function networkLayerWording(systemCode: string | null, host: string, target: string): NetworkWording | null {
  if (systemCode === null) return null
  const name = host.replace(/:\d+$/, '')
  if (untrustedAuthority.has(systemCode)) {
    return { what: `The certificate of ${name} is signed by an authority this computer does not trust (often a network's TLS inspection).`, advice: addCa }
  }
  if (systemCode === 'CERT_HAS_EXPIRED' || systemCode === 'CERT_NOT_YET_VALID') {
    return { what: `The certificate of ${name} is ${systemCode === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'}.`, advice: `Check the computer's date and time; if they are right, tell the ${target} administrator or your IT department.` }
  }
  if (systemCode === 'ERR_TLS_CERT_ALTNAME_INVALID' || systemCode === 'HOSTNAME_MISMATCH') {
    return { what: `The certificate presented for ${name} is for another name.`, advice: "Check the profile's Target URL; behind TLS inspection, ask your IT department to include this address." }
  }
  if (systemCode === 'LANYARD_PROXY_AUTH_REQUIRED') {
    return { what: `The proxy asks for a sign-in before it connects to ${name}.`, advice: 'Put the proxy user and password in the proxy setting (http://user:password@proxy:port), or ask your IT department.' }
  }
  if (systemCode === 'LANYARD_PROXY_REFUSED') {
    return { what: `The proxy refused to connect to ${name}.`, advice: `Ask your IT department to allow ${name} through the proxy.` }
  }
  if (systemCode === 'LANYARD_PROXY_UNREACHABLE' || systemCode === 'LANYARD_PROXY_TIMEOUT') {
    return { what: `The proxy that this computer's settings name for ${name} could not be reached.`, advice: "Check the system's proxy settings (or HTTPS_PROXY and NO_PROXY) and the network connection." }
  }
  if (systemCode === 'LANYARD_PROXY_UNUSABLE') {
    return { what: `This computer's proxy setting for ${name} names only proxies Lanyard cannot use (SOCKS or HTTPS proxies).`, advice: 'Ask your IT department for an HTTP proxy address, or set HTTPS_PROXY.' }
  }
  return null
}

/** Failures the same request cannot get past by trying again: a certificate or the proxy's refusal. */
const permanent = new Set([...untrustedAuthority, 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH',
  'LANYARD_PROXY_AUTH_REQUIRED', 'LANYARD_PROXY_REFUSED', 'LANYARD_PROXY_UNUSABLE'])

export function isPermanentNetworkFailure(systemCode: string | null): boolean {
  return systemCode !== null && permanent.has(systemCode)
}
