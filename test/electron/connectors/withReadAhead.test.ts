import { describe, expect, it } from 'vitest'
import type { ListQuery } from '../../../electron/connectors/Connector'
import { hasCapability, requireCapability } from '../../../electron/connectors/capabilities'
import { withReadAhead } from '../../../electron/connectors/withReadAhead'
import { AppError } from '../../../electron/errors/AppError'
import type { ConnectorId } from '../../../shared/catalogue'
import { FakeDirectory } from '../../support/fakeConnector'
import { createRecordingLogger } from '../../support/recordingLogger'

function setUp(users = 10, connectorId: ConnectorId = 'okta') {
  const target = new FakeDirectory()
  for (let index = 0; index < users; index++) target.addUser(`Person${index}`, `Family${index}`)
  const connector = withReadAhead(
    target.factory(connectorId)({ profileId: 'p', profileName: 'P', environment: 'sandbox', values: { url: 'https://x.example' }, secrets: { token: 't' }, logger: createRecordingLogger() }),
  )
  const lists = () => target.calls.filter((call) => call.startsWith('list')).length
  return { target, connector, lists }
}

describe('reading the next page ahead', () => {
  it('does not read ahead of a first page, so typing a search costs one request a search', async () => {
    const { connector, lists } = setUp()
    await connector.list('users', { search: '', pageSize: 2 })
    await connector.list('users', { search: 'Person1', pageSize: 2 })
    expect(lists()).toBe(2)
  })

  it('reads the page after the second one ahead and answers from it without asking again', async () => {
    const { connector, lists } = setUp()
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    expect(lists()).toBe(3)
    const third = await connector.list('users', { search: '', cursor: second.nextCursor, pageSize: 2 })
    expect(lists()).toBe(4)
    const ids = [...first.items, ...second.items, ...third.items].map((item) => item.id)
    expect(new Set(ids).size).toBe(6)
  })

  it('drops the page read ahead when anything changes, and asks the target afresh', async () => {
    const { connector, target, lists } = setUp()
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    const someone = second.items[0]!.id
    await requireCapability(connector, 'updatesObjects').update('users', someone, { title: 'Engineer' })
    const before = lists()
    await connector.list('users', { search: '', cursor: second.nextCursor, pageSize: 2 })
    // The page itself, asked afresh, then the read-ahead of the one after it.
    expect(lists()).toBe(before + 2)
    expect(target.calls).toContain('update users')
  })

  it('asks again when the read-ahead failed, so a reset while reading ahead is never seen', async () => {
    const { connector, target } = setUp()
    let listCalls = 0
    target.onCall = (method) => {
      // The third list call is the read-ahead started by the second page.
      if (method === 'list' && ++listCalls === 3) throw new AppError('network', 'The connection was reset.')
    }
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    const third = await connector.list('users', { search: '', cursor: second.nextCursor, pageSize: 2 })
    expect(third.items).toHaveLength(2)
    expect(listCalls).toBe(5)
  })

  it('does not answer a different search from a page read ahead for another', async () => {
    const { connector, lists } = setUp()
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    const before = lists()
    await connector.list('users', { search: 'Person', cursor: second.nextCursor, pageSize: 2 })
    // Asked afresh (then read ahead again), not answered from the other search's page.
    expect(lists()).toBe(before + 2)
  })

  it('lets a caller stop waiting for a page read ahead: a superseded request is cancelled', async () => {
    const { connector } = setUp()
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    const third = connector.list('users', { search: '', cursor: second.nextCursor, pageSize: 2 }, AbortSignal.abort())
    await expect(third).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('sends the next request as soon as the adapter announces the cursor, before the page is mapped', async () => {
    const { target } = setUp()
    const inner = target.factory()({ profileId: 'p', profileName: 'P', environment: 'sandbox', values: {}, secrets: {}, logger: createRecordingLogger() })
    const started: (string | null | undefined)[] = []
    let finishMapping = () => {}
    let holdAt: string | null = null
    const announcing = {
      ...inner,
      list: async (objectType: string, query: ListQuery) => {
        started.push(query.cursor)
        const page = await inner.list(objectType, { ...query, onNextCursor: undefined })
        if (page.nextCursor) query.onNextCursor?.(page.nextCursor)
        // The mapping of this page is still going on when the next request should leave.
        if (query.cursor && query.cursor === holdAt) await new Promise<void>((resolve) => (finishMapping = resolve))
        return page
      },
    }
    const connector = withReadAhead(announcing)
    const first = await connector.list('users', { search: '', pageSize: 2 })
    holdAt = first.nextCursor
    const second = connector.list('users', { search: '', cursor: holdAt, pageSize: 2 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The third page is already asked for while the second is still being mapped.
    expect(started).toEqual([undefined, holdAt, expect.any(String)])
    finishMapping()
    expect((await second).items).toHaveLength(2)
  })

  it('drops the page read ahead before a change it passes through without restating it (a deprovision)', async () => {
    const { connector, lists } = setUp()
    const first = await connector.list('users', { search: '', pageSize: 2 })
    const second = await connector.list('users', { search: '', cursor: first.nextCursor, pageSize: 2 })
    const deprovisioning = requireCapability(connector, 'deprovisions')
    const someone = second.items[0]!.id
    await deprovisioning.deprovision(someone, await deprovisioning.readDeprovisionSnapshot(someone))
    const before = lists()
    await connector.list('users', { search: '', cursor: second.nextCursor, pageSize: 2 })
    expect(lists()).toBe(before + 2)
  })

  it('has exactly the capabilities of the connector inside: none is added to a GoToMeeting one', () => {
    const { connector } = setUp(2, 'gotomeeting')
    expect(hasCapability(connector, 'managesMemberships')).toBe(false)
    expect(hasCapability(connector, 'deprovisions')).toBe(true)
    expect(hasCapability(setUp(2, 'coupa').connector, 'deletesObjects')).toBe(false)
  })
})
