/*
 * The shape of a pasted CA certificate, checked where the profile form and the save both check
 * values (profileValidation.ts). Only the text's form: that it parses as a CA certificate, and is
 * still valid, is checked by main before saving (electron/profiles/caCertificateCheck.ts).
 */

const certificateBlock = /-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----/g
const pemLabel = /-----BEGIN ([A-Z0-9 ]+)-----/

const pastePem = 'Paste the CA certificate in PEM form: the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.'

/** The problem with a pasted certificate text, or undefined when it is one or more PEM certificates. */
export function pemCertificateProblem(value: string): string | undefined {
  const label = pemLabel.exec(value)?.[1]
  if (label !== undefined && label.includes('PRIVATE KEY')) {
    return 'This is a private key: never paste it here (delete it, and tell your IT department it was shared). ' + pastePem
  }
  if (label !== undefined && label !== 'CERTIFICATE') return `This is a ${label.toLowerCase()}, not a certificate. ${pastePem}`
  const blocks = [...value.matchAll(certificateBlock)]
  if (blocks.length === 0) return pastePem
  const rest = value.replace(certificateBlock, '').trim()
  if (rest !== '') return `There is text outside the certificate blocks. ${pastePem}`
  return undefined
}
