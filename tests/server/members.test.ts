import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call, type Caller } from '../support/api'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

describe("the chair's member management", () => {
  let server: TestServer
  let chair: Caller
  const clients: CollabClient[] = []
  const connect = async (username: string, room = 'ccm/text') => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(username) })
    clients.push(client)
    await client.synced()
    return client
  }
  const members = async () =>
    (await call(server.url, chair, 'GET', '/api/negotiations/ccm/members')).body.members
  const accountIdOf = async (username: string) =>
    (await members()).find((m: { username: string }) => m.username === username).accountId
  const patch = async (username: string, body: unknown) =>
    call(
      server.url,
      chair,
      'PATCH',
      `/api/negotiations/ccm/members/${await accountIdOf(username)}`,
      body,
    )

  beforeEach(async () => {
    server = await startServer()
    chair = await server.loginAs('chair')
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('lists the members to the chair and to nobody else', async () => {
    expect(await members()).toContainEqual({
      accountId: expect.any(String),
      username: 'ana',
      displayName: 'Ana (CMC)',
      role: 'campaigner',
      groupId: 'cmc',
    })
    expect((await members()).map((m: { username: string }) => m.username)).toEqual([
      'ana',
      'austria',
      'ben',
      'chair',
      'facilitator',
      'france',
      'france2',
      'germany',
      'hana',
      'observer',
    ])
    const france = await server.loginAs('france')
    expect(await call(server.url, france, 'GET', '/api/negotiations/ccm/members')).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    })
    const admin = await server.loginAs('admin')
    expect((await call(server.url, admin, 'GET', '/api/negotiations/ccm/members')).status).toBe(200)
  })

  it('cuts a changed member’s connections with 4001; on reconnect they have the new access', async () => {
    const chairClient = await connect('chair')
    const germany = await connect('germany')
    const cut = germany.nextClose()
    const changed = await patch('germany', { role: 'chair' })
    expect(changed).toMatchObject({ status: 200, body: { member: { role: 'chair' } } })
    expect((await cut).code).toBe(CloseCode.MembershipChanged)
    // The provider retries on its own, and now it may write.
    await waitFor(
      'germany reconnected',
      () => germany.provider.wsconnected && germany.provider.synced,
    )
    clauseText(germany.doc, 0, 1).insert(0, 'Germany, now chairing: ')
    await waitFor('the chair sees germany’s edit', () =>
      clauseText(chairClient.doc, 0, 1).toString().startsWith('Germany, now chairing: '),
    )
    // Demoted again, its next write is refused.
    const cutAgain = germany.nextClose()
    await patch('germany', { role: 'observer' })
    expect((await cutAgain).code).toBe(CloseCode.MembershipChanged)
    await waitFor(
      'germany reconnected',
      () => germany.provider.wsconnected && germany.provider.synced,
    )
    const refused = germany.nextClose()
    clauseText(germany.doc, 0, 1).insert(0, 'Still? ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
  })

  it('cuts a removed member’s connections with 4403, and the API shuts them out', async () => {
    const ben = await connect('ben', 'ccm/notes/cmc')
    const benSession = await server.loginAs('ben')
    const cut = ben.nextClose()
    const id = await accountIdOf('ben')
    const removed = await call(server.url, chair, 'DELETE', `/api/negotiations/ccm/members/${id}`)
    expect(removed.status).toBe(204)
    expect((await cut).code).toBe(CloseCode.Forbidden)
    expect(ben.provider.shouldConnect).toBe(false)
    expect(await call(server.url, benSession, 'GET', '/api/negotiations/ccm')).toMatchObject({
      status: 403,
      body: { error: { code: 'not_a_member' } },
    })
    expect((await call(server.url, benSession, 'GET', '/api/me')).body.me.memberships).toEqual([])
    expect(
      (await call(server.url, chair, 'DELETE', `/api/negotiations/ccm/members/${id}`)).status,
    ).toBe(404)
  })

  it('checks the actor and the group of a role', async () => {
    const refused = async (body: unknown) => (await patch('observer', body)).body.error.code
    expect(await refused({ role: 'delegate', actorId: 'XXX' })).toBe('unknown_actor')
    expect(await refused({ role: 'delegate' })).toBe('invalid_request')
    expect(await refused({ role: 'campaigner', groupId: 'nope' })).toBe('unknown_group')
    expect(await refused({ role: 'chair', actorId: 'FRA' })).toBe('invalid_request')
    expect(await refused({ role: 'king' })).toBe('invalid_request')
    expect((await patch('observer', { role: 'delegate', actorId: 'NOR' })).body.member).toEqual({
      accountId: expect.any(String),
      role: 'delegate',
      actorId: 'NOR',
    })
    expect((await patch('observer', { role: 'campaigner', groupId: 'hrw' })).status).toBe(200)
  })

  it('lists groups to members and lets the chair add one', async () => {
    const hana = await server.loginAs('hana')
    const groups = await call(server.url, hana, 'GET', '/api/negotiations/ccm/groups')
    const listed = groups.body.groups as { id: string; kind: string; name: string }[]
    expect(listed.map((g) => [g.id, g.kind, g.name])).toEqual([
      ['cmc', 'campaign', 'Cluster Munition Coalition'],
      ['core-group', 'coalition', 'Core group (Oslo Process)'],
      ['hrw', 'campaign', 'Human Rights Watch'],
    ])
    const aoav = { id: 'aoav', name: 'Action on Armed Violence' }
    expect(
      (await call(server.url, hana, 'POST', '/api/negotiations/ccm/groups', aoav)).status,
    ).toBe(403)
    const post = (body: unknown) =>
      call(server.url, chair, 'POST', '/api/negotiations/ccm/groups', body)
    expect(await post(aoav)).toMatchObject({ status: 201, body: { group: aoav } })
    expect((await post(aoav)).status).toBe(409)
    // "public" is every member's notes room, so no group may take it.
    expect((await post({ id: 'public', name: 'Everyone' })).status).toBe(400)
  })
})
