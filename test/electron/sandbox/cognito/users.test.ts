import { describe, expect, it } from 'vitest'
import { attributeOf, cognitoClient, expectOk, useCognitoSandbox, type UserJson } from './cognitoClient'

describe('Cognito sandbox: users', () => {
  const startSandbox = useCognitoSandbox()

  async function setUp() {
    const sandbox = await startSandbox()
    const call = cognitoClient(sandbox)
    const pool = { UserPoolId: sandbox.credentials.userPoolId }
    const someone = sandbox.tenant.users().find((user) => user.enabled && user.status === 'CONFIRMED')
    if (!someone) throw new Error('The seed has no confirmed user.')
    return { sandbox, call, ok: expectOk(call), pool, someone }
  }

  describe('AdminGetUser', () => {
    it('finds a user by username in any case, by verified email alias and by sub, always answering the canonical Username', async () => {
      const { call, pool, someone } = await setUp()
      for (const name of [someone.username, someone.username.toUpperCase(), someone.attributes.email, someone.attributes.sub]) {
        const answer = await call('AdminGetUser', { ...pool, Username: name })
        expect(answer.status).toBe(200)
        expect(answer.body).toMatchObject({ Username: someone.username, Enabled: true, UserStatus: 'CONFIRMED' })
      }
      const answer = await call('AdminGetUser', { ...pool, Username: someone.username })
      expect(attributeOf(answer.body as never, 'email')).toBe(someone.attributes.email)
      expect((answer.body.UserAttributes as { Name: string }[])[0]?.Name).toBe('sub')
      expect(answer.body.UserCreateDate).toBe(someone.created / 1000)
    })

    it('does not find an unverified email, and says so as UserNotFoundException', async () => {
      const { sandbox, call, pool } = await setUp()
      const invited = sandbox.tenant.addUser({ username: 'invited.person', attributes: { email_verified: 'false' } })
      expect((await call('AdminGetUser', { ...pool, Username: invited.attributes.email })).body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' })
      expect((await call('AdminGetUser', { ...pool, Username: 'invited.person' })).status).toBe(200)
    })
  })

  describe('AdminCreateUser', () => {
    it('creates an enabled FORCE_CHANGE_PASSWORD user with a sub, never answering the password or the mediums', async () => {
      const { sandbox, call, pool } = await setUp()
      const answer = await call('AdminCreateUser', {
        ...pool,
        Username: 'new.starter',
        TemporaryPassword: 'Welcome-2025!',
        UserAttributes: [
          { Name: 'email', Value: 'new.starter@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'given_name', Value: 'New' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      })
      expect(answer.status).toBe(200)
      const user = answer.body.User as UserJson
      expect(user).toMatchObject({ Username: 'new.starter', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' })
      expect(attributeOf(user, 'sub')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(JSON.stringify(answer.body)).not.toMatch(/Welcome-2025|EMAIL/)
      expect(sandbox.tenant.deliveriesTo('new.starter')).toEqual([{ username: 'new.starter', mediums: ['EMAIL'], kind: 'invitation' }])
      const read = await call('AdminGetUser', { ...pool, Username: 'new.starter@example.com' })
      expect(JSON.stringify(read.body)).not.toMatch(/Welcome-2025|DesiredDeliveryMediums|EMAIL/)
    })

    it('sends nothing with MessageAction SUPPRESS', async () => {
      const { sandbox, ok, pool } = await setUp()
      await ok('AdminCreateUser', { ...pool, Username: 'quiet.one', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'quiet@example.com' }] })
      expect(sandbox.tenant.deliveriesTo('quiet.one')).toEqual([])
    })

    it('needs a phone number for the default SMS invitation', async () => {
      const { sandbox, call, pool } = await setUp()
      const answer = await call('AdminCreateUser', { ...pool, Username: 'no.phone', UserAttributes: [{ Name: 'email', Value: 'no.phone@example.com' }] })
      expect(answer.body.__type).toBe('InvalidParameterException')
      expect(answer.body.message).toMatch(/^User has no attribute matching desired delivery mediums/)
      expect(sandbox.tenant.findUser('no.phone')).toBeUndefined()
    })

    it('answers InvalidPasswordException for a temporary password that breaks the policy, yet creates the user', async () => {
      const { sandbox, call, pool } = await setUp()
      const answer = await call('AdminCreateUser', { ...pool, Username: 'weak.password', TemporaryPassword: 'password', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'weak@example.com' }] })
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({ __type: 'InvalidPasswordException', message: 'Password did not conform with policy: Password must have uppercase characters' })
      expect(sandbox.tenant.findUser('weak.password')).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD', enabled: true })
    })

    it('refuses a username taken in any case with UsernameExistsException', async () => {
      const { call, pool, someone } = await setUp()
      const answer = await call('AdminCreateUser', { ...pool, Username: someone.username.toUpperCase(), MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'x@example.com' }] })
      expect(answer.body).toEqual({ __type: 'UsernameExistsException', message: 'User account already exists' })
    })

    it.each([
      ['an email-shaped username', { Username: 'jane@example.com', UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }] }, 'Username cannot be of email format, since user pool is configured for email alias.'],
      ['no email', { Username: 'no.email', UserAttributes: [] }, 'Attributes did not conform to the schema: email: The attribute is required'],
      ['an attribute outside the schema', { Username: 'odd.one', UserAttributes: [{ Name: 'email', Value: 'odd@example.com' }, { Name: 'custom:nope', Value: 'x' }] }, 'Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.'],
      ['a sub of its own', { Username: 'own.sub', UserAttributes: [{ Name: 'email', Value: 'own@example.com' }, { Name: 'sub', Value: 'mine' }] }, 'Attributes did not conform to the schema: sub: Attribute cannot be updated. (changing an immutable attribute)'],
      ['a badly written email', { Username: 'bad.email', UserAttributes: [{ Name: 'email', Value: 'not-an-email' }] }, 'Invalid email address format.'],
      ['a phone number with spaces', { Username: 'bad.phone', UserAttributes: [{ Name: 'email', Value: 'p@example.com' }, { Name: 'phone_number', Value: '+44 20 7946 0000' }] }, 'Invalid phone number format.'],
    ])('refuses %s with InvalidParameterException and creates nothing', async (_case, input, message) => {
      const { sandbox, call, pool } = await setUp()
      const before = sandbox.tenant.count().users
      const answer = await call('AdminCreateUser', { ...pool, MessageAction: 'SUPPRESS', ...input })
      expect(answer.body).toEqual({ __type: 'InvalidParameterException', message })
      expect(sandbox.tenant.count().users).toBe(before)
    })

    it('refuses a verified email another user signs in with, unless ForceAliasCreation moves it', async () => {
      const { sandbox, call, pool, someone } = await setUp()
      const input = { ...pool, Username: 'alias.taker', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: someone.attributes.email }, { Name: 'email_verified', Value: 'true' }] }
      expect((await call('AdminCreateUser', input)).body).toEqual({ __type: 'AliasExistsException', message: 'An account with the given email already exists.' })
      expect((await call('AdminCreateUser', { ...input, ForceAliasCreation: true })).status).toBe(200)
      expect(sandbox.tenant.findUser(someone.username)?.attributes.email_verified).toBe('false')
      expect((await call('AdminGetUser', { ...pool, Username: someone.attributes.email })).body.Username).toBe('alias.taker')
    })

    it('resends an invitation to a user still waiting to set a password, and refuses one who has', async () => {
      const { sandbox, call, ok, pool, someone } = await setUp()
      await ok('AdminCreateUser', { ...pool, Username: 'waiting', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'waiting@example.com' }] })
      await ok('AdminCreateUser', { ...pool, Username: 'waiting', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] })
      expect(sandbox.tenant.deliveriesTo('waiting')).toEqual([{ username: 'waiting', mediums: ['EMAIL'], kind: 'resend' }])
      const confirmed = await call('AdminCreateUser', { ...pool, Username: someone.username, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] })
      expect(confirmed.body.__type).toBe('UnsupportedUserStateException')
    })
  })

  describe('AdminSetUserPassword', () => {
    it('confirms the user with a permanent password and forces a change with a temporary one', async () => {
      const { sandbox, ok, pool, someone } = await setUp()
      await ok('AdminSetUserPassword', { ...pool, Username: someone.username, Password: 'Temporary-1a', Permanent: false })
      expect(sandbox.tenant.userStatus(someone.username)).toBe('FORCE_CHANGE_PASSWORD')
      await ok('AdminSetUserPassword', { ...pool, Username: someone.username, Password: 'Permanent-1a', Permanent: true })
      expect(sandbox.tenant.userStatus(someone.username)).toBe('CONFIRMED')
    })

    it.each([
      ['Sh0rt!', 'Password not long enough'],
      ['alllower-1', 'Password must have uppercase characters'],
      ['ALLUPPER-1', 'Password must have lowercase characters'],
      ['NoNumbers-here', 'Password must have numeric characters'],
      ['NoSymbols123', 'Password must have symbol characters'],
    ])('refuses %s with InvalidPasswordException (%s) and changes nothing', async (password, reason) => {
      const { sandbox, call, pool, someone } = await setUp()
      const answer = await call('AdminSetUserPassword', { ...pool, Username: someone.username, Password: password, Permanent: false })
      expect(answer.body).toEqual({ __type: 'InvalidPasswordException', message: `Password did not conform with policy: ${reason}` })
      expect(JSON.stringify(answer.body)).not.toContain(password)
      expect(sandbox.tenant.userStatus(someone.username)).toBe('CONFIRMED')
    })

    it('follows a changed password policy', async () => {
      const { sandbox, ok, call, pool, someone } = await setUp()
      sandbox.tenant.setPasswordPolicy({ MinimumLength: 14, RequireSymbols: false })
      expect((await call('AdminSetUserPassword', { ...pool, Username: someone.username, Password: 'Short-1a', Permanent: true })).body.message).toBe('Password did not conform with policy: Password not long enough')
      await ok('AdminSetUserPassword', { ...pool, Username: someone.username, Password: 'LongEnoughNoSymbol1', Permanent: true })
      const described = await ok('DescribeUserPool', pool)
      expect((described.UserPool as { Policies: { PasswordPolicy: { MinimumLength: number } } }).Policies.PasswordPolicy.MinimumLength).toBe(14)
    })
  })

  describe('AdminResetUserPassword', () => {
    it('puts a confirmed user in RESET_REQUIRED and sends the code to their verified email', async () => {
      const { sandbox, ok, pool, someone } = await setUp()
      expect(await ok('AdminResetUserPassword', { ...pool, Username: someone.attributes.email })).toEqual({})
      expect(sandbox.tenant.userStatus(someone.username)).toBe('RESET_REQUIRED')
      expect(sandbox.tenant.deliveriesTo(someone.username)).toEqual([{ username: someone.username, mediums: ['EMAIL'], kind: 'reset' }])
      // A second reset sends a new code; the user stays RESET_REQUIRED.
      await ok('AdminResetUserPassword', { ...pool, Username: someone.username })
      expect(sandbox.tenant.deliveriesTo(someone.username)).toHaveLength(2)
    })

    it('refuses a user who never set a password, a disabled user and one with nowhere to send the code, as AWS words it', async () => {
      const { sandbox, call, pool } = await setUp()
      sandbox.tenant.addUser({ username: 'invited', status: 'FORCE_CHANGE_PASSWORD' })
      sandbox.tenant.addUser({ username: 'signed.up', status: 'UNCONFIRMED' })
      sandbox.tenant.addUser({ username: 'switched.off', enabled: false })
      sandbox.tenant.addUser({ username: 'unreachable', attributes: { email_verified: 'false' } })
      const cannotReset = { __type: 'NotAuthorizedException', message: 'User password cannot be reset in the current state.' }
      expect((await call('AdminResetUserPassword', { ...pool, Username: 'invited' })).body).toEqual(cannotReset)
      expect((await call('AdminResetUserPassword', { ...pool, Username: 'signed.up' })).body).toEqual(cannotReset)
      expect((await call('AdminResetUserPassword', { ...pool, Username: 'switched.off' })).body).toEqual({ __type: 'NotAuthorizedException', message: 'User is disabled.' })
      expect((await call('AdminResetUserPassword', { ...pool, Username: 'unreachable' })).body).toEqual({
        __type: 'InvalidParameterException',
        message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      })
      expect((await call('AdminResetUserPassword', { ...pool, Username: 'nobody' })).body.__type).toBe('UserNotFoundException')
      for (const name of ['invited', 'signed.up', 'switched.off', 'unreachable']) expect(sandbox.tenant.deliveriesTo(name)).toEqual([])
      expect(sandbox.tenant.userStatus('invited')).toBe('FORCE_CHANGE_PASSWORD')
    })
  })

  describe('AdminUpdateUserAttributes', () => {
    it('sets attributes, deletes one sent blank, and leaves a changed email unverified', async () => {
      const { sandbox, ok, pool, someone } = await setUp()
      await ok('AdminUpdateUserAttributes', {
        ...pool,
        Username: someone.username,
        UserAttributes: [
          { Name: 'given_name', Value: 'Renamed' },
          { Name: 'custom:department', Value: '' },
          { Name: 'email', Value: 'renamed@example.com' },
        ],
      })
      const user = sandbox.tenant.findUser(someone.username)
      expect(user?.attributes).toMatchObject({ given_name: 'Renamed', email: 'renamed@example.com', email_verified: 'false' })
      expect(user?.attributes['custom:department']).toBeUndefined()
      expect(user?.lastModified).toBeGreaterThan(someone.lastModified)
    })

    it('marks an email verified with email_verified alone, after which it is a sign-in alias', async () => {
      const { sandbox, ok, call, pool } = await setUp()
      sandbox.tenant.addUser({ username: 'to.verify', attributes: { email_verified: 'false' } })
      expect((await call('AdminGetUser', { ...pool, Username: 'to.verify@example.com' })).status).toBe(400)
      await ok('AdminUpdateUserAttributes', { ...pool, Username: 'to.verify', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })
      expect((await call('AdminGetUser', { ...pool, Username: 'to.verify@example.com' })).body.Username).toBe('to.verify')
    })

    it.each([
      [[{ Name: 'sub', Value: 'x' }], 'Invalid user attributes: user.sub: Attribute cannot be updated. (changing an immutable attribute)'],
      [[{ Name: 'favourite_colour', Value: 'x' }], 'Invalid user attributes: user.favourite_colour: Attribute does not exist in the schema.'],
      [[{ Name: 'email', Value: '' }], 'Attributes did not conform to the schema: email: The attribute is required'],
    ])('refuses %j with InvalidParameterException', async (attributes, message) => {
      const { call, pool, someone } = await setUp()
      expect((await call('AdminUpdateUserAttributes', { ...pool, Username: someone.username, UserAttributes: attributes })).body).toEqual({ __type: 'InvalidParameterException', message })
    })

    it('answers UserNotFoundException for a missing user', async () => {
      const { call, pool } = await setUp()
      expect((await call('AdminUpdateUserAttributes', { ...pool, Username: 'nobody', UserAttributes: [] })).body.__type).toBe('UserNotFoundException')
    })
  })

  describe('disable, enable, sign-out and delete', () => {
    it('disables and enables a user, keeping attributes, status and groups', async () => {
      const { sandbox, ok, pool, someone } = await setUp()
      const groups = sandbox.tenant.groupsOf(someone.username).map((group) => group.name)
      await ok('AdminDisableUser', { ...pool, Username: someone.username })
      await ok('AdminDisableUser', { ...pool, Username: someone.username })
      const disabled = await ok('AdminGetUser', { ...pool, Username: someone.username })
      expect(disabled).toMatchObject({ Enabled: false, UserStatus: 'CONFIRMED' })
      expect(sandbox.tenant.tokensRevokedAt(someone.username)).not.toBeNull()
      await ok('AdminEnableUser', { ...pool, Username: someone.username })
      expect(sandbox.tenant.enabled(someone.username)).toBe(true)
      expect(sandbox.tenant.groupsOf(someone.username).map((group) => group.name)).toEqual(groups)
      expect(sandbox.tenant.findUser(someone.username)?.attributes).toEqual(someone.attributes)
    })

    it('counts global sign-outs', async () => {
      const { sandbox, ok, call, pool, someone } = await setUp()
      expect(sandbox.tenant.signOutCount(someone.username)).toBe(0)
      await ok('AdminUserGlobalSignOut', { ...pool, Username: someone.username })
      await ok('AdminUserGlobalSignOut', { ...pool, Username: someone.attributes.email })
      expect(sandbox.tenant.signOutCount(someone.username)).toBe(2)
      expect((await call('AdminUserGlobalSignOut', { ...pool, Username: 'nobody' })).body.__type).toBe('UserNotFoundException')
    })

    it('deletes a user and their memberships; deleting again is UserNotFoundException', async () => {
      const { sandbox, ok, call, pool, someone } = await setUp()
      const group = sandbox.tenant.groupsOf(someone.username)[0]?.name as string
      await ok('AdminDeleteUser', { ...pool, Username: someone.username })
      expect(sandbox.tenant.findUser(someone.username)).toBeUndefined()
      expect(sandbox.tenant.membersOf(group).map((user) => user.username)).not.toContain(someone.username)
      expect((await call('AdminDeleteUser', { ...pool, Username: someone.username })).body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' })
    })
  })
})
