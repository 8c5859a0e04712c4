// Child-process script for the keychain-unavailable test: the real KeytarSecretStore and the real
// services, run with a D-Bus address that leads nowhere. Prints one JSON line with what happened.
import { KeytarSecretStore } from '../../electron/secrets/KeytarSecretStore'
import { createServices } from '../../electron/services/createServices'
import { invokeContract } from '../../electron/services/invokeContract'
import { createRecordingLogger } from './recordingLogger'

const dataDirectory = process.argv[2] ?? ''
const logger = createRecordingLogger()
const secretStore = new KeytarSecretStore()
const { handlers } = await createServices({
  dataDirectory,
  secretStore,
  logger,
  appVersion: '0.0.0',
  platform: process.platform,
  openExternal: async () => undefined,
  emit: () => undefined,
})
const input = { connectorId: 'okta', name: 'Okta prod', environment: 'real', values: { url: 'https://acme.okta.com' }, secrets: { token: 'child-token' } }
const probeError = await secretStore.get('00000000-0000-4000-8000-000000000000', 'token').then(
  () => null,
  (error: unknown) => ({ name: (error as Error).constructor.name, code: (error as { code?: string }).code, message: (error as Error).message }),
)
console.log(
  JSON.stringify({
    probeError,
    create: await invokeContract(handlers, 'profiles.create', input, logger),
    list: await invokeContract(handlers, 'profiles.list', {}, logger),
    info: await invokeContract(handlers, 'app.info', {}, logger),
  }),
)
