import type { Environment } from '../../../shared/profiles'
import { AppError } from '../../errors/AppError'
import type { NetworkOptions } from '../../http/network/networkAgents'
import type { ConnectorSettings } from '../Connector'
import { networkOf } from '../networkOf'

/** What a Cognito profile holds, checked once when its connector is built. */
export interface CognitoProfileSettings {
  accessKeyId: string
  accessSecret: string
  region: string
  userPoolId: string
  /** The Target URL when set (a sandbox tenant, a VPC endpoint); AWS's own address otherwise. */
  endpoint: string | undefined
  /** Whether the signed calls may go over http:// (shared/secureAddress.ts). */
  environment: Environment
  /** The profile's extra CA certificate (networkOf). */
  network: NetworkOptions
}

/** AWS's shape of a user pool id (cognito.md §2): the Region, an underscore, letters and digits. */
const userPoolIdShape = /^([\w-]+)_[0-9a-zA-Z]+$/
const regionShape = /^[a-z]{2}(-gov)?-[a-z]+-\d$/

function required(settings: ConnectorSettings, value: string | undefined, label: string): string {
  if (value && value.trim() !== '') return value.trim()
  throw new AppError('invalid_input', `The profile "${settings.profileName}" has no ${label}. Edit the profile and fill it in.`)
}

function refuse(settings: ConnectorSettings, problem: string, field: string): never {
  throw new AppError('invalid_input', `The profile "${settings.profileName}" ${problem}`, { fields: { [field]: problem } })
}

/**
 * Reads and checks the profile's values before anything is sent: a pool id whose Region prefix is
 * not the profile's Region would only get "pool not found" from AWS, which says less.
 */
export function readCognitoSettings(settings: ConnectorSettings): CognitoProfileSettings {
  const accessKeyId = required(settings, settings.values.accessKeyId, 'AccessKey Id')
  const accessSecret = required(settings, settings.secrets.accessSecret, 'Access Secret')
  const region = required(settings, settings.values.region, 'Region')
  const userPoolId = required(settings, settings.values.userPoolId, 'User Pool Id')
  if (!regionShape.test(region)) refuse(settings, `has the Region "${region}", which is not an AWS Region such as eu-west-1.`, 'region')
  const poolRegion = userPoolIdShape.exec(userPoolId)?.[1]
  if (!poolRegion) {
    refuse(settings, `has the User Pool Id "${userPoolId}", which is not a user pool id: it looks like ${region}_AbCdEf123.`, 'userPoolId')
  }
  if (poolRegion !== region) {
    refuse(
      settings,
      `has the User Pool Id "${userPoolId}", which belongs to the Region ${poolRegion}, but the Region is ${region}. Choose ${poolRegion} as the Region, or correct the pool id.`,
      'region',
    )
  }
  return { accessKeyId, accessSecret, region, userPoolId, endpoint: endpointOf(settings), environment: settings.environment, network: networkOf(settings) }
}

function endpointOf(settings: ConnectorSettings): string | undefined {
  const url = settings.values.url?.trim()
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse(settings, 'has a Target URL that is not a web address. Leave it empty for AWS, or write it in full: https://…', 'url')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    refuse(settings, 'has a Target URL that does not start with https://. Leave it empty for AWS, or correct it.', 'url')
  }
  return url
}
