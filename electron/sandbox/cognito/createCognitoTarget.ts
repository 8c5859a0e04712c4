import { randomUUID } from 'node:crypto'
import { readJsonBody, type AnsweredFaultKind, type SandboxAnswer, type SandboxRequest, type SandboxTarget } from '../framework/sandboxHttp'
import { CognitoError, cognitoErrors, errorBody, errorTypeHeader } from './cognitoErrors'
import type { Delivery, Operation } from './cognitoOperation'
import { categoryOfOperation, type CategoryThrottle } from './cognitoThrottling'
import type { CognitoUserPool } from './CognitoUserPool'
import { adminCreateUser } from './createUser'
import { describeUserPool } from './describeUserPool'
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './groupOperations'
import { listUsers } from './listUsers'
import { adminAddUserToGroup, adminListGroupsForUser, adminRemoveUserFromGroup, listUsersInGroup } from './membershipOperations'
import { RequestReader } from './RequestReader'
import { adminDeleteUser, adminDisableUser, adminEnableUser, adminGetUser, adminResetUserPassword, adminSetUserPassword, adminUpdateUserAttributes, adminUserGlobalSignOut } from './userOperations'
import { verifySignature, type SigningKey } from './verifySignature'

export interface CognitoTargetOptions {
  pool: CognitoUserPool
  keys: () => readonly SigningKey[]
  throttle: CategoryThrottle
  deliveries: Delivery[]
  /** Called after a write ran, whether or not it answered an error (AdminCreateUser may do both). */
  changed: () => void
  now?: () => number
}

const targetPrefix = 'AWSCognitoIdentityProviderService.'
const contentType = 'application/x-amz-json-1.1'

const operations: Record<string, { run: Operation; writes: boolean }> = {
  DescribeUserPool: { run: describeUserPool, writes: false },
  ListUsers: { run: listUsers, writes: false },
  AdminGetUser: { run: adminGetUser, writes: false },
  AdminCreateUser: { run: adminCreateUser, writes: true },
  AdminUpdateUserAttributes: { run: adminUpdateUserAttributes, writes: true },
  AdminSetUserPassword: { run: adminSetUserPassword, writes: true },
  AdminResetUserPassword: { run: adminResetUserPassword, writes: true },
  AdminDeleteUser: { run: adminDeleteUser, writes: true },
  AdminDisableUser: { run: adminDisableUser, writes: true },
  AdminEnableUser: { run: adminEnableUser, writes: true },
  AdminUserGlobalSignOut: { run: adminUserGlobalSignOut, writes: true },
  CreateGroup: { run: createGroup, writes: true },
  GetGroup: { run: getGroup, writes: false },
  UpdateGroup: { run: updateGroup, writes: true },
  DeleteGroup: { run: deleteGroup, writes: true },
  ListGroups: { run: listGroups, writes: false },
  ListUsersInGroup: { run: listUsersInGroup, writes: false },
  AdminListGroupsForUser: { run: adminListGroupsForUser, writes: false },
  AdminAddUserToGroup: { run: adminAddUserToGroup, writes: true },
  AdminRemoveUserFromGroup: { run: adminRemoveUserFromGroup, writes: true },
}

/** The operations the sandbox answers; any other target is `UnknownOperationException`. */
export const supportedOperations = Object.keys(operations)

/**
 * The Cognito user pool as the framework's server sees it (awsJson1_1, cognito.md §2). Per
 * request: find the operation from `X-Amz-Target`, check the SigV4 signature, count the request
 * in its quota category, read the JSON body, run the operation. Every answer carries
 * `Content-Type: application/x-amz-json-1.1` and `x-amzn-RequestId`; errors add `x-amzn-ErrorType`.
 */
export function createCognitoTarget(options: CognitoTargetOptions): SandboxTarget {
  const now = options.now ?? Date.now

  const handle = (request: SandboxRequest): SandboxAnswer => {
    const name = operationName(request)
    const operation = name === undefined ? undefined : operations[name]
    if (!name || !operation) throw cognitoErrors.unknownOperation()
    const requestTime = now()
    verifySignature(request, { keys: options.keys(), region: options.pool.pool.region, service: 'cognito-idp', now: requestTime })
    if (!options.throttle.take(categoryOfOperation[name])) throw cognitoErrors.tooManyRequests()
    const reader = new RequestReader(readBody(request))
    try {
      const body = operation.run({ pool: options.pool, reader, now: requestTime, newSub: randomUUID, deliveries: options.deliveries })
      return { status: 200, headers: headers(), body }
    } finally {
      if (operation.writes) options.changed()
    }
  }

  return {
    handle(request) {
      try {
        return handle(request)
      } catch (error) {
        if (error instanceof CognitoError) return failure(error)
        throw error
      }
    },
    answerFault(kind: AnsweredFaultKind) {
      const errors = { rate_limit: cognitoErrors.tooManyRequests, server_error: cognitoErrors.internal, bad_gateway: cognitoErrors.badGateway, unavailable: cognitoErrors.unavailable }
      return failure(errors[kind]())
    },
  }
}

/**
 * `POST /` with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>` and an awsJson
 * content type. Decision: any other method, path, target or content type is
 * `UnknownOperationException`, the answer AWS's JSON services give to requests they cannot route.
 */
function operationName(request: SandboxRequest): string | undefined {
  const target = request.headers['x-amz-target']
  const type = String(request.headers['content-type'] ?? '')
  if (request.method !== 'POST' || request.path !== '/' || typeof target !== 'string') return undefined
  if (!/^application\/x-amz-json-1\.[01]\s*(;.*)?$/i.test(type)) return undefined
  return target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : undefined
}

function readBody(request: SandboxRequest): Record<string, unknown> {
  const body = readJsonBody(request)
  if (!body.ok) throw cognitoErrors.serialization(body.reason === 'too_large' ? 'Request body is too large.' : 'Unexpected character in the request body: it is not JSON.')
  if (body.value === undefined) return {}
  if (typeof body.value !== 'object' || body.value === null) throw cognitoErrors.serialization('Start of structure or map expected.')
  if (Array.isArray(body.value)) throw cognitoErrors.serialization('Start of list found where not expected')
  return body.value as Record<string, unknown>
}

function headers(): Record<string, string> {
  return { 'Content-Type': contentType, 'x-amzn-RequestId': randomUUID() }
}

function failure(error: CognitoError): SandboxAnswer {
  return { status: error.status, headers: { ...headers(), 'x-amzn-ErrorType': errorTypeHeader(error) }, body: errorBody(error) }
}
