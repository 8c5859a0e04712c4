import { cognitoErrors } from './cognitoErrors'

/**
 * Reads one request's members the way AWS's request layer does: a value of the wrong JSON type is
 * a `SerializationException` at once; constraint failures (missing, too long, pattern, range) are
 * collected and answered together as Cognito's `InvalidParameterException`
 * "2 validation errors detected: Value 'x' at 'userPoolId' failed to satisfy constraint: …; …".
 * Sensitive members (usernames, passwords) are named without their value, as AWS does.
 */

export interface StringRule {
  required?: boolean
  min?: number
  max?: number
  pattern?: { source: string; test: RegExp }
  values?: readonly string[]
  sensitive?: boolean
}

export interface Attribute {
  Name: string
  Value: string
}

/** cognito.md Appendix C patterns, with the wording AWS prints in its messages. */
export const patterns = {
  userPoolId: { source: '[\\w-]+_[0-9a-zA-Z]+', test: /^[\w-]+_[0-9a-zA-Z]+$/ },
  name: { source: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', test: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u },
  attributeName: { source: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+', test: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+$/u },
  password: { source: '[\\S]+', test: /^\S+$/ },
  token: { source: '[\\S]+', test: /^\S+$/ },
  roleArn: {
    source: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
    test: /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/,
  },
}

export class RequestReader {
  private readonly problems: string[] = []

  constructor(private readonly body: Record<string, unknown>) {}

  string(member: string, rule: StringRule = {}): string | undefined {
    const value = this.present(member)
    if (value === undefined) return this.missing(member, rule.required)
    if (typeof value !== 'string') throw notConvertible(value, 'String')
    this.checkString(memberPath(member), value, rule)
    return value
  }

  integer(member: string, rule: { min?: number; max?: number; required?: boolean } = {}): number | undefined {
    const value = this.present(member)
    if (value === undefined) return this.missing(member, rule.required)
    if (typeof value !== 'number' || !Number.isInteger(value)) throw notConvertible(value, 'an Integer')
    if (rule.min !== undefined && value < rule.min) this.problem(memberPath(member), value, `Member must have value greater than or equal to ${rule.min}`)
    if (rule.max !== undefined && value > rule.max) this.problem(memberPath(member), value, `Member must have value less than or equal to ${rule.max}`)
    return value
  }

  boolean(member: string): boolean | undefined {
    const value = this.present(member)
    if (value === undefined) return undefined
    if (typeof value !== 'boolean') throw notConvertible(value, 'a Boolean')
    return value
  }

  stringList(member: string, rule: StringRule = {}): string[] | undefined {
    const value = this.present(member)
    if (value === undefined) return undefined
    if (!Array.isArray(value)) throw notConvertible(value, 'a List')
    return value.map((item, index) => {
      if (typeof item !== 'string') throw notConvertible(item, 'String')
      this.checkString(`${memberPath(member)}.${index + 1}.member`, item, rule)
      return item
    })
  }

  /** `[{Name, Value}]` lists (UserAttributes): names 1..32 characters, values at most 2,048. */
  attributes(member: string, required = false): Attribute[] | undefined {
    const value = this.present(member)
    if (value === undefined) return this.missing(member, required)
    if (!Array.isArray(value)) throw notConvertible(value, 'a List')
    return value.map((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw notConvertible(item, 'an AttributeType')
      const path = `${memberPath(member)}.${index + 1}.member`
      const { Name: name, Value: attributeValue } = item as Record<string, unknown>
      if (name !== undefined && name !== null && typeof name !== 'string') throw notConvertible(name, 'String')
      if (attributeValue !== undefined && attributeValue !== null && typeof attributeValue !== 'string') throw notConvertible(attributeValue, 'String')
      if (typeof name !== 'string') this.problem(`${path}.name`, null, 'Member must not be null')
      else this.checkString(`${path}.name`, name, { min: 1, max: 32, pattern: patterns.attributeName })
      if (typeof attributeValue === 'string') this.checkString(`${path}.value`, attributeValue, { max: 2048, sensitive: true })
      return { Name: typeof name === 'string' ? name : '', Value: typeof attributeValue === 'string' ? attributeValue : '' }
    })
  }

  /** Throws the collected constraint failures, if any. */
  finish(): void {
    if (this.problems.length === 0) return
    const count = this.problems.length
    throw cognitoErrors.invalidParameter(`${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`)
  }

  private present(member: string): unknown {
    const value = this.body[member]
    return value === null ? undefined : value
  }

  private missing(member: string, required: boolean | undefined): undefined {
    if (required) this.problem(memberPath(member), null, 'Member must not be null')
    return undefined
  }

  private checkString(path: string, value: string, rule: StringRule): void {
    const shown = rule.sensitive ? undefined : value
    const length = [...value].length
    if (rule.min !== undefined && length < rule.min) this.problem(path, shown, `Member must have length greater than or equal to ${rule.min}`)
    if (rule.max !== undefined && length > rule.max) this.problem(path, shown, `Member must have length less than or equal to ${rule.max}`)
    if (rule.pattern && length > 0 && !rule.pattern.test.test(value)) this.problem(path, shown, `Member must satisfy regular expression pattern: ${rule.pattern.source}`)
    if (rule.values && !rule.values.includes(value)) this.problem(path, shown, `Member must satisfy enum value set: [${rule.values.join(', ')}]`)
  }

  private problem(path: string, value: unknown, constraint: string): void {
    const subject = value === null ? 'Value null' : value === undefined ? 'Value' : `Value '${String(value)}'`
    this.problems.push(`${subject} at '${path}' failed to satisfy constraint: ${constraint}`)
  }
}

/** `UserPoolId` → `userPoolId`, as AWS names members in validation messages. */
function memberPath(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1)
}

/** Jackson's token names, which AWS's JSON layer prints ("STRING_VALUE can not be converted to an Integer"). */
function notConvertible(value: unknown, target: string) {
  const token =
    typeof value === 'string'
      ? 'STRING_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : typeof value === 'boolean'
          ? value
            ? 'VALUE_TRUE'
            : 'VALUE_FALSE'
          : Array.isArray(value)
            ? 'START_ARRAY'
            : 'START_OBJECT'
  return cognitoErrors.serialization(`${token} can not be converted to ${target}`)
}
