import type { ParameterDescriptor } from './types'

/**
 * The setting every profile has, whatever its connector: the organisation's own CA certificate, for
 * networks whose gateway inspects TLS with a certificate of its own. Trusted on top of this
 * computer's certificate store, by this profile's connections only (electron/http/network/).
 */
export const caCertificateParameter: ParameterDescriptor = {
  key: 'caCertificate',
  label: 'Organisation CA certificate',
  kind: 'certificate',
  required: false,
  secret: false,
  origin: 'lanyard',
  help:
    "Only behind a network that inspects TLS: your organisation's root CA certificate (PEM text), from your IT department. " +
    'Leave empty otherwise: certificates this computer trusts are trusted already.',
  placeholder: '-----BEGIN CERTIFICATE-----',
}
