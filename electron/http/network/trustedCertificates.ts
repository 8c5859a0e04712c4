import { readFileSync } from 'node:fs'
import * as tls from 'node:tls'

/**
 * The certificate authorities the main process trusts: Node's bundled Mozilla roots, the operating
 * system's store, and the profile's extra CA (a TLS-inspecting gateway's root).
 *
 * Why this way: Chromium trusts the OS store, Node only its bundled roots. Node 22.15+ (Electron 45
 * ships Node 22) reads the OS store with `tls.getCACertificates('system')` on every platform, so that
 * is used when present. Node 20 (the tests, the preview) has no such call: there, on Linux, the
 * system bundle that update-ca-certificates / update-ca-trust maintain is read from its usual
 * paths. macOS and Windows without that call get the bundled roots only (their stores are not files).
 */

/** Where the Linux distributions keep the system bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine). */
const linuxBundles = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/ssl/cert.pem',
]

type CertificateReader = (store: 'system' | 'bundled') => string[]

let systemCache: readonly string[] | null = null

/** The OS store's certificates, read once per process. */
export function systemCertificates(): readonly string[] {
  if (systemCache) return systemCache
  const reader = (tls as unknown as { getCACertificates?: CertificateReader }).getCACertificates
  if (typeof reader === 'function') {
    try {
      systemCache = reader('system')
      return systemCache
    } catch {
      // Fall through to the files.
    }
  }
  systemCache = process.platform === 'linux' ? linuxBundleCertificates() : []
  return systemCache
}

function linuxBundleCertificates(): string[] {
  for (const path of linuxBundles) {
    try {
      return splitPem(readFileSync(path, 'utf8'))
    } catch {
      // Not this distribution's path.
    }
  }
  return []
}

/** Each `-----BEGIN CERTIFICATE-----` block of a PEM text. */
export function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
}

/**
 * The `ca` option of every TLS connection of a profile. Giving `ca` replaces Node's defaults, so
 * the bundled roots are listed too.
 */
export function trustedCertificates(extraPem: string | undefined): string[] {
  const extra = extraPem ? splitPem(extraPem) : []
  return [...new Set([...tls.rootCertificates, ...systemCertificates(), ...extra])]
}
