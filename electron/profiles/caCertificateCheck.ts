import { X509Certificate } from 'node:crypto'
import type { ConnectorDescriptor } from '../../shared/catalogue/types'
import { splitPem } from '../http/network/trustedCertificates'

/**
 * What main checks of a profile's CA certificate before saving, beyond the PEM form the shared
 * rules check: that each certificate parses, is a certificate authority (a server's own
 * certificate would trust that one server only, and only until it is renewed) and has not expired.
 * Key → message, for the parameters of kind `certificate` that have a value.
 */
export function certificateProblems(descriptor: ConnectorDescriptor, values: Record<string, string>, now = new Date()): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const parameter of descriptor.parameters) {
    const value = values[parameter.key]?.trim()
    if (parameter.kind !== 'certificate' || !value) continue
    const problem = splitPem(value).map((pem) => caProblem(pem, now)).find((found) => found !== undefined)
    if (problem) problems[parameter.key] = problem
  }
  return problems
}

function caProblem(pem: string, now: Date): string | undefined {
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(pem)
  } catch {
    return 'This certificate cannot be read: it may be cut short or changed. Copy it again from the file your IT department gave you.'
  }
  const subject = commonName(certificate)
  if (!certificate.ca) {
    return `The certificate of ${subject} is not a certificate authority (it is a server's own certificate). Ask your IT department for the organisation's root CA certificate.`
  }
  if (new Date(certificate.validTo) < now) {
    return `The CA certificate "${subject}" expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}. Ask your IT department for the current one.`
  }
  return undefined
}

function commonName(certificate: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1] ?? certificate.subject.replace(/\n/g, ', ')
}
