import { cognitoErrors } from './cognitoErrors'
import { pageSize, requirePool, rules, type Operation, type OperationContext } from './cognitoOperation'
import { pageOf } from './cognitoPaging'
import type { CognitoGroupRecord } from './cognitoRecords'
import { groupType } from './cognitoRepresentations'
import { patterns } from './RequestReader'

/** Group CRUD and ListGroups (cognito.md §3). Group names are unique per pool and case-sensitive. */

/** cognito.md §4: 10,000 groups per pool. */
export const maximumGroupsPerPool = 10_000
const maximumPrecedence = 2 ** 31 - 1

function readGroupFields(context: OperationContext) {
  const { reader } = context
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const groupName = reader.string('GroupName', rules.groupName) as string
  const description = reader.string('Description', { max: 2048 })
  const roleArn = reader.string('RoleArn', { min: 20, max: 2048, pattern: patterns.roleArn })
  const precedence = reader.integer('Precedence', { min: 0, max: maximumPrecedence })
  reader.finish()
  requirePool(context, userPoolId)
  return { groupName, description, roleArn, precedence }
}

function readGroup(context: OperationContext): CognitoGroupRecord {
  const userPoolId = context.reader.string('UserPoolId', rules.userPoolId)
  const groupName = context.reader.string('GroupName', rules.groupName) as string
  context.reader.finish()
  requirePool(context, userPoolId)
  return context.pool.requireGroup(groupName)
}

const answer = (context: OperationContext, group: CognitoGroupRecord) => ({ Group: groupType(group, context.pool.pool.id) })

export const createGroup: Operation = (context) => {
  const fields = readGroupFields(context)
  if (context.pool.group(fields.groupName)) throw cognitoErrors.groupExists(fields.groupName)
  if (context.pool.groups().length >= maximumGroupsPerPool) throw cognitoErrors.limitExceeded(`The user pool has reached its limit of ${maximumGroupsPerPool} groups.`)
  const group: CognitoGroupRecord = {
    sequence: context.pool.newSequence(),
    name: fields.groupName,
    description: fields.description ?? null,
    precedence: fields.precedence ?? null,
    roleArn: fields.roleArn ?? null,
    created: context.now,
    lastModified: context.now,
  }
  context.pool.addGroup(group)
  return answer(context, group)
}

export const getGroup: Operation = (context) => answer(context, readGroup(context))

/**
 * Changes only the members sent. Decision: an omitted Description / RoleArn / Precedence is kept
 * (cognito.md §3 notes the live behaviour was not verified; AWS describes the call as updating
 * "any of" those properties).
 */
export const updateGroup: Operation = (context) => {
  const fields = readGroupFields(context)
  const group = context.pool.requireGroup(fields.groupName)
  if (fields.description !== undefined) group.description = fields.description
  if (fields.roleArn !== undefined) group.roleArn = fields.roleArn
  if (fields.precedence !== undefined) group.precedence = fields.precedence
  group.lastModified = context.now
  return answer(context, group)
}

/** Members lose the group; the users themselves stay. */
export const deleteGroup: Operation = (context) => {
  context.pool.removeGroup(readGroup(context))
  return {}
}

export const listGroups: Operation = (context) => {
  const { reader } = context
  const userPoolId = reader.string('UserPoolId', rules.userPoolId)
  const limit = pageSize(reader.integer('Limit', rules.limit))
  const token = reader.string('NextToken', rules.nextToken)
  reader.finish()
  requirePool(context, userPoolId)
  const { page, next } = pageOf(context.pool.groups(), token, 'groups', limit)
  return { Groups: page.map((group) => groupType(group, context.pool.pool.id)), ...(next ? { NextToken: next } : {}) }
}
