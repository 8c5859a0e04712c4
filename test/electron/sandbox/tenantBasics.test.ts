import { describe, expect, it } from 'vitest'
import { tenantBasics } from '../../../electron/sandbox/framework/tenantBasics'
import { startCognitoSandbox } from '../../../electron/sandbox/cognito/startCognitoSandbox'
import { startCoupaSandbox } from '../../../electron/sandbox/coupa/startCoupaSandbox'
import { startGoToMeetingSandbox } from '../../../electron/sandbox/gotomeeting/startGoToMeetingSandbox'
import { startOktaSandbox } from '../../../electron/sandbox/okta/startOktaSandbox'

describe('what every tenant start shares', () => {
  it('defaults to 200 people from the seed "lanyard", kept in memory without a state folder', () => {
    const basics = tenantBasics('okta', {})
    expect(basics).toMatchObject({ users: 200, seed: 'lanyard', stateFile: undefined })
  })

  it('refuses a number of people outside 0 to 100,000 at every tenant, before anything starts', async () => {
    for (const start of [startOktaSandbox, startCognitoSandbox, startCoupaSandbox, startGoToMeetingSandbox]) {
      await expect(start({ users: -1 })).rejects.toThrow('users is a whole number from 0 to 100000, not -1.')
      await expect(start({ users: 2.5 })).rejects.toThrow(RangeError)
    }
  })
})
