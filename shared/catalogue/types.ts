import type { AccountActionDescriptor } from '../accountActions'
import type { AttributeValue, Attributes } from '../attributes'

/**
 * Connector descriptors: pure data that says what a target can do. The UI builds its forms,
 * buttons, required markers and "Schema" / "Known limitations" panels from these; the adapters
 * in electron/ refuse any operation a descriptor does not declare.
 */

export const connectorIds = ['okta', 'cognito', 'coupa', 'gotomeeting'] as const
export type ConnectorId = (typeof connectorIds)[number]

export type ParameterKind = 'text' | 'url' | 'email' | 'secret' | 'select' | 'customProperties' | 'certificate'

export interface ParameterDescriptor {
  /** Key in the profile's values (or in the keychain, for a secret); also the sandbox line's key. */
  key: string
  /** The label as the reference document names it. */
  label: string
  kind: ParameterKind
  required: boolean
  /** Secret parameters go to the OS keychain and never back to the renderer. */
  secret: boolean
  help: string
  placeholder?: string
  defaultValue?: string
  /** For `select`: the allowed values with their labels. */
  options?: readonly {
    value: string
    label: string
    /** Choosing it makes an action lose something undo cannot bring back (Okta deactivate). */
    irreversible?: boolean
  }[]
  /**
   * `lanyard` for a choice Lanyard adds on top of the reference's parameters (how Okta
   * deprovisions); absent for the reference's own parameters.
   */
  origin?: 'lanyard'
  /**
   * Shown, checked and required only while another parameter (a `select`) holds one of `values`:
   * Coupa's client id and secret only for OAuth, its API key only for the legacy choice. See
   * `parameterApplies` in parameterChoice.ts.
   */
  appliesWhen?: { key: string; values: readonly string[] }
  /**
   * For a `select` added after profiles already existed: what a saved profile without a value
   * meant. Coupa profiles from before the sign-in choice used an API key, so they read as `apiKey`
   * while a new profile starts at `defaultValue` (OAuth).
   */
  valueWhenAbsent?: string
}

/** C R L P U D Dp Ud M in the reference tables. */
export const operations = [
  'create',
  'get',
  'list',
  'page',
  'update',
  'delete',
  'deprovision',
  'undoDeprovision',
  'membership',
] as const
export type Operation = (typeof operations)[number]

export type Access = 'readWrite' | 'readOnly' | 'writeOnly'

/** One SCIM ⇄ native attribute pair. Compound rows of the reference are one row per attribute. */
export interface MappingRow {
  scim: string
  native: string
  access: Access
  note?: string
  /**
   * `lanyard` for an attribute the target has that the reference's table leaves out (a Cognito
   * group's Description, which the issue asks to create); absent for the reference's own rows.
   */
  origin?: 'lanyard'
}

/**
 * What a search of this object type really does, for a help-desk reader: whose search it is (the
 * target's, or Lanyard's own matching of what it read), and whether "lefevre" finds Lefèvre.
 */
export interface SearchHelp {
  /** One sentence: "Okta matches the start of first name, last name, email or login." */
  matches: string
  /** `target`: the target's own search, which Lanyard cannot widen; `lanyard`: Lanyard matches the rows itself. */
  by: 'target' | 'lanyard'
  /** Whether "lefevre" finds Lefèvre. Lanyard's own matching always ignores them (shared/text.ts). */
  ignoresAccents: boolean
  /** Whether "ADA" finds Ada. */
  ignoresCase: boolean
}

export interface ObjectTypeDescriptor {
  /** Route and tab id, e.g. `users`, `groups`, `roles`. */
  id: string
  /** The object's name as the reference table writes it (e.g. `Groups (content groups)`). */
  referenceName: string
  label: string
  scimResource: 'User' | 'Group'
  /** The table cell per operation, e.g. `POST`; an operation the target lacks is absent. */
  operations: Partial<Record<Operation, string>>
  /** Why an absent operation is absent, where the reference says (Coupa delete: soft delete only). */
  absentOperationNotes?: Partial<Record<Operation, string>>
  /** SCIM paths that must be set on create. */
  mandatoryFields: readonly string[]
  /** What the search box finds, in words ("name, email, login or status"): the adapter's search, not a guess. */
  searchHint?: string
  /** How the search matches, said under the search box and when nothing is found (renderer/.../searchHelp.ts). */
  searchHelp?: SearchHelp
  mapping: readonly MappingRow[]
  /** Per-attribute rules from the known limitations; the form and main both apply them. */
  fieldRules?: Readonly<Record<string, FieldRule>>
  /**
   * Where the target's own custom attributes appear (Okta: `Extension.Custom.<name>`). They are
   * read and written as strings; a multi-valued one as `[value1;;value2]`.
   */
  customAttributePrefix?: string
  /** The rule every custom attribute's value follows (Cognito: at most 2,048 characters). */
  customAttributeRule?: FieldRule
  /**
   * Attributes the target does not provide at all (GoToMeeting's dates): the panel shows each as
   * "not provided by <target>" rather than leaving the person to wonder.
   */
  notProvided?: readonly { scim: string; label: string }[]
  /**
   * Values the target needs computed from others (Coupa's account-security-type). Given the
   * object's attributes as they will be after a create or update, it returns the computed ones:
   * the form shows them before saving and the adapter sends them.
   */
  derive?: (attributes: Attributes) => Attributes
  /**
   * Attributes the panel shows as a membership section instead (Coupa's account and approval groups):
   * left out of the attribute list and the edit form, so each fact has one place.
   */
  shownAsMemberships?: readonly string[]
  /** A value in words for the panel (Coupa's security type codes, approval limits with their currency), or undefined to show it as it is. */
  describeValue?: (path: string, value: AttributeValue, attributes: Attributes) => string | undefined
  /**
   * A new user can be put in groups as part of the create (Cognito runs each "Add to group" as a
   * step of it); elsewhere memberships are added after the create.
   */
  joinsGroupsOnCreate?: boolean
  /** The everyday account actions on this type (shared/accountActions.ts), in the panel's order. */
  accountActions?: readonly AccountActionDescriptor[]
  /** The user's licences and admin roles are shown on the panel, and licences assigned and removed there (GoToMeeting). */
  licences?: true
}

/**
 * What a field's value must look like, checked before any call on both sides:
 * `email`; `boolean` (a yes/no value: Cognito's IsPasswordPermanent, Coupa's licence flags, shown as a
 * tick box even on a new object); `integer` (a whole number, within `min` / `max`); `currencyAmount`
 * (an amount of money from 0, at most two decimals: Coupa's approval limits); `e164Phone` (+ and
 * digits); `timeZone` (an IANA name from shared/timeZones.ts); `locale` (language_COUNTRY, `en_US`);
 * `languageTag` (a language, or language-COUNTRY: `en`, `en-US`); `currencyCode` (ISO 4217, `USD`).
 */
export type FieldFormat = 'email' | 'boolean' | 'integer' | 'currencyAmount' | 'e164Phone' | 'timeZone' | 'locale' | 'languageTag' | 'currencyCode'

/** A pattern the target documents, with what it means in words: the words are shown, never the pattern. */
export interface FieldPattern {
  matches: RegExp
  /** The whole message after the field's label, e.g. "has no spaces: use a hyphen, e.g. help-desk." */
  words: string
}

export interface FieldRule {
  /** Checked before any call (Okta: userName must be an email address). */
  format?: FieldFormat
  /** In characters (code points, as the targets count them). */
  minLength?: number
  maxLength?: number
  /** For `integer` and `currencyAmount`. */
  min?: number
  max?: number
  pattern?: FieldPattern
  /** The only values the target takes (Coupa's authentication method), exactly as written. */
  oneOf?: readonly string[]
  /** Why the target refuses an emptied value (GoTo always keeps a time zone). */
  clearRefused?: string
  /** Shown under the field in create and edit forms (Okta: changing the email changes the username). */
  note?: string
  /** Why a change to this field is refused on update (Okta passwords). */
  updateRefused?: string
  /**
   * Changed on an existing object only by the panel's account actions (Cognito's Enable… / Disable…),
   * so Edit has no field for it; set with `updateRefused`, which says so in words.
   */
  changedByActions?: true
}

export interface PagingFacts {
  style: 'cursor' | 'offset' | 'token'
  /** Largest page the target returns. */
  maxPageSize: number
  /** The target rounds page sizes up to multiples of this (Okta pages in hundreds). */
  step?: number
  /** Whether the target reports a total count. */
  totalCount: boolean
  notes: string
}

export interface ConnectorDescriptor {
  id: ConnectorId
  label: string
  summary: string
  /** Parameters besides the profile name ("Connector name" in the reference). */
  parameters: readonly ParameterDescriptor[]
  objectTypes: readonly ObjectTypeDescriptor[]
  paging: PagingFacts
  /** The reference's known limitations, in words, in its order. */
  limitations: readonly string[]
  /** Other facts the reference states: differences between guide versions, custom attribute formats. */
  notes: readonly string[]
  /**
   * What the target's deprovision does, in words (an offboarding's plan shows them): per value of the
   * profile's `deprovisionMode` where the profile chooses one (Okta), otherwise under `default`. The
   * same sentences as the notes and parameters above, not written anew.
   */
  deprovisionEffects: Readonly<Record<string, readonly string[]>>
  /** The SCIM extension namespace for target-specific attributes. */
  extensionSchema: string
  /**
   * Where the target's API carries an object's id. `urlPath` (`/api/v1/users/{id}`): an id can
   * never hold `/` or a backslash or be `.` / `..`, decoded or not, and one that does is refused before any
   * call. `requestBody` (Cognito's JSON `Username`): such characters are legitimate and left alone.
   */
  objectIdsTravelIn: 'urlPath' | 'requestBody'
}
