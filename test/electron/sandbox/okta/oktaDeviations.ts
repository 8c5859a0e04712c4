/**
 * Where the sandbox's answers differ from Okta's OpenAPI spec on purpose, each with why: what real
 * Okta is recorded answering (okta.md, from the SDKs' VCR recordings and Okta's error docs) wins
 * where the spec is silent or says less. Checked by routeConformance.test.ts: the body must match
 * `body` (a JSON schema; refs into the spec's components), and every entry must still happen, so
 * the list cannot go stale.
 */
export interface Deviation {
  /** `METHOD /path/{template}` as in the fixture. */
  route: string
  status: string
  body: object
  why: string
}

const emptyObject = { type: 'object', maxProperties: 0 }
const modelError = { $ref: '#/components/schemas/ModelError' }

const lifecycleBody =
  'The spec gives this 200 no content; Okta answers `{}` with Content-Type application/json (okta.md §1, VCR: ' +
  '`POST …/lifecycle/deactivate -> 200 {}`). A client that parsed no body would still be right, so the sandbox sends what Okta sends.'

export const documentedDeviations: readonly Deviation[] = [
  { route: 'POST /api/v1/users/{userId}/lifecycle/suspend', status: '200', body: emptyObject, why: lifecycleBody },
  { route: 'POST /api/v1/users/{userId}/lifecycle/unsuspend', status: '200', body: emptyObject, why: lifecycleBody },
  { route: 'POST /api/v1/users/{userId}/lifecycle/deactivate', status: '200', body: emptyObject, why: lifecycleBody },
  {
    route: 'GET /api/v1/org',
    status: '401',
    body: modelError,
    why:
      'No operation lists 401, yet every route answers a bad SSWS token with 401 E0000011 "Invalid token provided" (okta.md §1, ' +
      'the spec\'s own example ErrorInvalidTokenProvided). The connector meets it first at Test connection, GET /api/v1/org.',
  },
]
