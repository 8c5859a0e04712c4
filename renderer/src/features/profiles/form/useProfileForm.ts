import { computed, reactive, ref, watch } from 'vue'
import { parameterApplies, type ConnectorDescriptor, type ParameterDescriptor } from '../../../../../shared/catalogue'
import type { LanyardError } from '../../../../../shared/errors'
import type { Environment, ProfileView } from '../../../../../shared/profiles'
import { plainParameters, secretParameters, validateProfileValues } from '../../../../../shared/profileValidation'
import { useProfilesStore } from '../../../stores/profiles'

/**
 * What happens to one secret on save. `keep` sends nothing (main keeps what the keychain holds),
 * `replace` sends the typed value (blank = keep), `clear` asks main to remove it.
 */
export interface SecretEntry {
  action: 'keep' | 'replace' | 'clear'
  value: string
}

export const nameFieldKey = 'name'
export const environmentFieldKey = 'environment'

export function fieldId(key: string): string {
  if (key === environmentFieldKey) return 'profile-environment'
  return key === nameFieldKey ? 'profile-name' : `profile-field-${key}`
}

export interface ProfileFormOptions {
  descriptor: ConnectorDescriptor
  /** The profile being edited; absent when creating. */
  profile?: ProfileView
  onSaved: (profile: ProfileView) => void
}

/**
 * The state and rules of the profile form, for create and edit. Checks run offline with the
 * catalogue's own validation (the same main runs before saving), on blur and on submit; main's
 * answer is mapped back onto the fields. Nothing typed is lost when a save fails.
 */
export function useProfileForm(options: ProfileFormOptions) {
  const { descriptor } = options
  const store = useProfilesStore()
  const plain = plainParameters(descriptor)
  const secret = secretParameters(descriptor)

  /** Set once the profile exists: after an edit was opened, or a create saved it without its secrets. */
  const profileId = ref<string | null>(options.profile?.id ?? null)
  const storedSecrets = ref<Record<string, 'stored' | 'missing'>>({ ...(options.profile?.secrets ?? {}) })
  const name = ref(options.profile?.name ?? '')
  // No default: whether changes reach real people is the person's choice (a wrong "Sandbox" skips
  // the typed confirmations), so a new profile cannot be saved until it is made.
  const environment = ref<Environment | null>(options.profile?.environment ?? null)
  const values = reactive<Record<string, string>>(
    Object.fromEntries(plain.map((parameter) => [parameter.key, initialValue(parameter, options.profile)])),
  )
  const secrets = reactive<Record<string, SecretEntry>>(
    Object.fromEntries(secret.map((parameter) => [parameter.key, initialSecret(parameter, options.profile)])),
  )
  const errors = ref<Record<string, string>>({})
  const banner = ref<LanyardError | null>(null)
  const saving = ref(false)
  const isEdit = computed(() => profileId.value !== null)

  /** Whether a field belongs to the sign-in method chosen: the form shows only those. */
  function applies(parameter: ParameterDescriptor): boolean {
    return parameterApplies(descriptor, parameter, values)
  }

  function trimmedValues(): Record<string, string> {
    // An empty optional field is left out: main treats a missing key as "not set".
    return Object.fromEntries(
      plain.map((parameter) => [parameter.key, (values[parameter.key] ?? '').trim()]).filter(([, value]) => value !== ''),
    )
  }

  function collectErrors(): Record<string, string> {
    // Until an environment is chosen, addresses are judged as Real's, whose rules hold for any tenant.
    const found: Record<string, string> = { ...validateProfileValues(descriptor, trimmedValues(), environment.value ?? 'real') }
    if (name.value.trim() === '') found[nameFieldKey] = 'Give the profile a name, e.g. "Okta sandbox".'
    if (environment.value === null) {
      found[environmentFieldKey] = 'Choose Sandbox or Real: Sandbox only for a test tenant on this computer, Real for any other address.'
    }
    for (const parameter of secret) {
      const entry = secrets[parameter.key]
      const willBeStored = entry?.action === 'keep' || (entry?.action === 'replace' && entry.value.trim() !== '')
      const wasStored = storedSecrets.value[parameter.key] === 'stored'
      // Only a new profile must bring its required secrets; a saved one may be completed later.
      if (parameter.required && applies(parameter) && !isEdit.value && !willBeStored && !wasStored) {
        found[parameter.key] = `Enter the ${parameter.label}: ${descriptor.label} profiles need it.`
      }
    }
    return found
  }

  /** Re-checks one field (on blur, or as the person types in a field with live checks). */
  function checkField(key: string): void {
    const message = collectErrors()[key]
    const next = { ...errors.value }
    if (message) next[key] = message
    else delete next[key]
    errors.value = next
  }

  function checkAddresses(): void {
    for (const parameter of plain) if (parameter.kind === 'url' && (values[parameter.key] ?? '').trim() !== '') checkField(parameter.key)
  }
  // Whether an address may use http:// depends on the environment: judge filled-in addresses
  // again as soon as it changes, so "real" on an http:// address is flagged at once.
  watch(environment, () => {
    checkAddresses()
    if (errors.value[environmentFieldKey]) checkField(environmentFieldKey)
  })
  // A saved profile the connectors refuse to use (a real one on http://, from an older version)
  // shows what to change as soon as it is opened.
  if (options.profile) checkAddresses()

  function replaceSecret(key: string): void {
    secrets[key] = { action: 'replace', value: '' }
  }

  function clearSecret(key: string): void {
    secrets[key] = { action: 'clear', value: '' }
  }

  function keepSecret(key: string): void {
    secrets[key] = { action: 'keep', value: '' }
  }

  function secretsForCreate(): Record<string, string> {
    return Object.fromEntries(
      Object.entries(secrets)
        .filter(([, entry]) => entry.action === 'replace' && entry.value !== '')
        .map(([key, entry]) => [key, entry.value]),
    )
  }

  function secretsForUpdate(): Record<string, string | null> {
    const changes: Record<string, string | null> = {}
    for (const [key, entry] of Object.entries(secrets)) {
      if (entry.action === 'clear') changes[key] = null
      if (entry.action === 'replace' && entry.value !== '') changes[key] = entry.value
    }
    return changes
  }

  /** Main's field keys may carry the schema path (`values.url`); the form's keys do not. */
  function applyServerFields(error: LanyardError): void {
    const known = new Set([nameFieldKey, ...descriptor.parameters.map((parameter) => parameter.key)])
    const mapped: Record<string, string> = {}
    for (const [path, message] of Object.entries(error.fields ?? {})) {
      const key = path.replace(/^(values|secrets)\./, '')
      if (known.has(key)) mapped[key] = message
    }
    errors.value = mapped
    // A message that names no field of this form would otherwise be invisible.
    const unplaced = Object.keys(error.fields ?? {}).length - Object.keys(mapped).length
    banner.value = unplaced > 0 || Object.keys(mapped).length === 0 ? error : null
  }

  async function submit(): Promise<boolean> {
    banner.value = null
    const found = collectErrors()
    errors.value = found
    if (Object.keys(found).length > 0) return false

    saving.value = true
    const common = { name: name.value.trim(), environment: environment.value!, values: trimmedValues() }
    const result = profileId.value
      ? await store.update({ profileId: profileId.value, ...common, secrets: secretsForUpdate() })
      : await store.create({ connectorId: descriptor.id, ...common, secrets: secretsForCreate() })
    saving.value = false

    if (result.ok) {
      options.onSaved(result.value)
      return true
    }
    const { error } = result
    if (error.code === 'invalid_input' && error.fields) applyServerFields(error)
    else if (error.code === 'conflict') errors.value = { [nameFieldKey]: error.fields?.name ?? error.message }
    else banner.value = error
    if (error.code === 'keychain_unavailable') adoptSavedProfile(error)
    return false
  }

  /**
   * The profile was saved without (some of) its secrets. From now on the form edits that saved
   * profile, so pressing Save again stores the secrets instead of creating a duplicate.
   */
  function adoptSavedProfile(error: LanyardError): void {
    const savedId = error.details?.profileId ?? profileId.value
    if (!savedId) return
    profileId.value = savedId
    const saved = store.find(savedId)
    if (saved) storedSecrets.value = { ...saved.secrets }
  }

  return {
    descriptor,
    plainParameters: plain,
    secretParameters: secret,
    profileId,
    isEdit,
    storedSecrets,
    name,
    environment,
    values,
    secrets,
    errors,
    banner,
    saving,
    checkField,
    applies,
    replaceSecret,
    clearSecret,
    keepSecret,
    submit,
  }
}

function initialValue(parameter: ParameterDescriptor, profile: ProfileView | undefined): string {
  // A choice added after the profile was saved shows what the profile has been doing all along.
  if (profile) return profile.values[parameter.key] ?? parameter.valueWhenAbsent ?? ''
  return parameter.defaultValue ?? ''
}

/** A stored secret is kept unless the person chooses otherwise; a missing one asks for input. */
function initialSecret(parameter: ParameterDescriptor, profile: ProfileView | undefined): SecretEntry {
  const stored = profile?.secrets[parameter.key] === 'stored'
  return { action: stored ? 'keep' : 'replace', value: '' }
}

export type ProfileFormState = ReturnType<typeof useProfileForm>
