import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv'

/**
 * Okta's own OpenAPI schemas and the responses of the routes the connector uses, extracted once
 * into test/fixtures/okta-openapi by extractSchemas.py (the repo needs nothing outside it).
 * OpenAPI 3.0 `nullable` is understood by ajv; `readOnly`/`writeOnly` and `discriminator` are
 * annotations here.
 */
export type ResponseSchemas = Record<string, object | null>

export const oktaSpec = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/okta-openapi/okta-schemas.json'), 'utf8')) as {
  paths: Record<string, Record<string, ResponseSchemas>>
  components: { schemas: Record<string, object> }
}

function specAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/)
  ajv.addFormat('uri', /^https?:\/\//)
  ajv.addFormat('password', /.*/)
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) })
  ajv.addSchema({ $id: 'okta', components: oktaSpec.components })
  return ajv
}

const shared = specAjv()

/** A validator for one of the spec's component schemas, by name (`User`). */
export function validatorFor(root: string): ValidateFunction {
  return validatorForSchema({ $ref: `#/components/schemas/${root}` })
}

/** A validator for a response schema as the fixture's `paths` hold it (refs into the components). */
export function validatorForSchema(schema: object): ValidateFunction {
  const text = JSON.stringify(schema).split('"#/components/').join('"okta#/components/')
  return shared.compile(JSON.parse(text) as object)
}
