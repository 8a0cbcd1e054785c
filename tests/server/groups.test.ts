import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { invitedAccount, rawAnswer } from '../support/groups'
import { useTestServer } from '../support/serverHarness'

const CORE = {
  id: 'test-core',
  kind: 'coalition',
  name: 'Test core group',
  source: 'Wellington Declaration, 22 Feb 2008',
  provenance: 'reported',
  actorIds: ['FRA', 'DEU', 'AUT'],
}

describe('groups of every kind over REST', () => {
  const t = useTestServer(['chair', 'france', 'germany', 'austria', 'ana', 'hana', 'observer'])

  it('lets the chair create a coalition with its first members, and everyone list it', async () => {
    const created = await t.api('chair', 'POST', '/groups', CORE)
    expect(created.status).toBe(201)
    expect(created.body.group).toEqual({
      id: 'test-core',
      kind: 'coalition',
      name: 'Test core group',
      source: 'Wellington Declaration, 22 Feb 2008',
      provenance: 'reported',
      members: ['FRA', 'DEU', 'AUT'],
      memberships: [{ roundId: null, actorIds: ['FRA', 'DEU', 'AUT'] }],
      mine: false,
    })
    const again = await t.api('chair', 'POST', '/groups', CORE)
    expect([again.status, again.body.error.code]).toEqual([409, 'group_taken'])

    const france = await t.api('france', 'GET', '/groups')
    expect(france.status).toBe(200)
    const byId = new Map(france.body.groups.map((g: { id: string }) => [g.id, g]))
    // France's own delegation first, then every stored group.
    expect(france.body.groups[0]).toEqual({
      id: 'delegation-fra',
      kind: 'delegation',
      name: 'Delegation of France',
      actorId: 'FRA',
      source: '',
      provenance: 'recorded',
      members: ['FRA'],
      mine: true,
    })
    expect(byId.get('test-core')).toMatchObject({ members: ['FRA', 'DEU', 'AUT'], mine: true })
    expect(byId.get('cmc')).toMatchObject({ kind: 'campaign', members: [], mine: false })
    expect(byId.has('delegation-deu')).toBe(false)

    const ana = await t.api('ana', 'GET', '/groups')
    const anaIds = ana.body.groups.map((g: { id: string; mine: boolean }) => [g.id, g.mine])
    expect(anaIds).toContainEqual(['cmc', true])
    expect(anaIds).toContainEqual(['test-core', false])
    expect(anaIds.some(([id]: [string]) => id.startsWith('delegation-'))).toBe(false)
  })

  it('refuses groups from anyone but the chair, and bad members', async () => {
    for (const who of ['france', 'ana', 'observer']) {
      const made = await t.api(who, 'POST', '/groups', { ...CORE, id: `by-${who}` })
      expect({ who, status: made.status }).toEqual({ who, status: 403 })
      const set = await t.api(who, 'PUT', '/groups/test-core/members', {
        roundId: null,
        actorIds: ['FRA'],
      })
      expect({ who, status: set.status }).toEqual({ who, status: 403 })
    }
    // North Korea is a state of the catalogue but took no part in the Oslo Process; XYZ is nothing.
    for (const actor of ['PRK', 'XYZ']) {
      const made = await t.api('chair', 'POST', '/groups', {
        ...CORE,
        id: 'bad-members',
        actorIds: ['FRA', actor],
      })
      expect([made.status, made.body.error.code]).toEqual([400, 'unknown_actor'])
    }
    expect(
      (await t.api('chair', 'GET', '/groups')).body.groups.map((g: { id: string }) => g.id),
    ).not.toContain('bad-members')
    const delegationId = await t.api('chair', 'POST', '/groups', { ...CORE, id: 'delegation-x' })
    expect([delegationId.status, delegationId.body.error.code]).toEqual([400, 'invalid_request'])
    const campaignWithStates = await t.api('chair', 'POST', '/groups', {
      id: 'campaign-states',
      name: 'Campaign with states',
      actorIds: ['FRA'],
    })
    expect(campaignWithStates.status).toBe(400)

    const notCoalition = await t.api('chair', 'PUT', '/groups/cmc/members', {
      roundId: null,
      actorIds: ['FRA'],
    })
    expect([notCoalition.status, notCoalition.body.error.code]).toEqual([404, 'group_not_found'])
    const missing = await t.api('chair', 'PUT', '/groups/no-such/members', {
      roundId: null,
      actorIds: ['FRA'],
    })
    expect([missing.status, missing.body.error.code]).toEqual([404, 'group_not_found'])
    const unknown = await t.api('chair', 'PUT', '/groups/test-core/members', {
      roundId: null,
      actorIds: ['PRK'],
    })
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_actor'])
    const badRound = await t.api('chair', 'PUT', '/groups/test-core/members', {
      roundId: 'no-such-round',
      actorIds: ['FRA'],
    })
    expect([badRound.status, badRound.body.error.code]).toEqual([400, 'unknown_round'])
  })

  it('keeps campaigners to campaign groups', async () => {
    const invited = await t.api('chair', 'POST', '/invitations', {
      role: 'campaigner',
      groupId: 'test-core',
    })
    expect([invited.status, invited.body.error.code]).toEqual([400, 'unknown_group'])
    const members = await t.api('chair', 'GET', '/members')
    const hana = members.body.members.find((m: { username: string }) => m.username === 'hana')
    const moved = await t.api('chair', 'PATCH', `/members/${hana.accountId}`, {
      role: 'campaigner',
      groupId: 'test-core',
    })
    expect([moved.status, moved.body.error.code]).toEqual([400, 'unknown_group'])
    const delegation = await t.api('chair', 'PATCH', `/members/${hana.accountId}`, {
      role: 'campaigner',
      groupId: 'delegation-fra',
    })
    expect([delegation.status, delegation.body.error.code]).toEqual([400, 'unknown_group'])
  })

  it('sets members per round, says so in the log, and cuts those who left', async () => {
    const rounds = (await t.api('chair', 'GET', '/rounds')).body.rounds as {
      id: string
      status: string
    }[]
    const open = rounds.find((r) => r.status === 'open')
    expect(open).toBeDefined()
    const austria = await t.connect('austria', 'ccm/notes/test-core')
    const cut = austria.nextClose()
    const set = await t.api('chair', 'PUT', '/groups/test-core/members', {
      roundId: open?.id,
      actorIds: ['FRA', 'DEU'],
    })
    expect(set.status).toBe(200)
    expect(set.body.group).toMatchObject({
      members: ['FRA', 'DEU'],
      memberships: [
        { roundId: null, actorIds: ['FRA', 'DEU', 'AUT'] },
        { roundId: open?.id, actorIds: ['FRA', 'DEU'] },
      ],
    })
    expect((await cut).code).toBe(CloseCode.MembershipChanged)
    // Reconnecting, Austria is refused like anyone outside.
    expect(await rawAnswer(t.server, 'austria', 'ccm/notes/test-core')).toMatchObject({
      code: CloseCode.Forbidden,
      messages: 0,
    })
    const mine = await t.api('austria', 'GET', '/groups')
    expect(mine.body.groups.find((g: { id: string }) => g.id === 'test-core')).toMatchObject({
      mine: false,
      members: ['FRA', 'DEU'],
    })

    const events = await t.api('observer', 'GET', '/events?type=coalition-members-changed')
    expect(events.status).toBe(200)
    const data = events.body.events.map((e: { data: unknown }) => e.data)
    expect(data).toEqual(
      expect.arrayContaining([
        {
          groupId: 'test-core',
          name: 'Test core group',
          roundId: null,
          actorIds: ['FRA', 'DEU', 'AUT'],
        },
        {
          groupId: 'test-core',
          name: 'Test core group',
          roundId: open?.id,
          actorIds: ['FRA', 'DEU'],
        },
      ]),
    )
  })

  it("lets a coalition's drafts follow its members: who left is cut, who joined writes", async () => {
    const made = await t.api('chair', 'POST', '/groups', {
      ...CORE,
      id: 'drafters',
      actorIds: ['FRA', 'DEU'],
    })
    expect(made.status).toBe(201)
    const drafted = await t.api('france', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'Drafted together',
      articleId: 'art-2',
      coalitionId: 'drafters',
    })
    expect(drafted.body.proposal.sponsors).toEqual(['FRA', 'DEU'])
    const room = `ccm/draft/${drafted.body.proposal.id}`
    const germany = await t.connect('germany', room)
    const cut = germany.nextClose()
    const set = await t.api('chair', 'PUT', '/groups/drafters/members', {
      roundId: null,
      actorIds: ['FRA', 'AUT'],
    })
    expect(set.status).toBe(200)
    expect((await cut).code).toBe(CloseCode.MembershipChanged)
    expect(await rawAnswer(t.server, 'germany', room)).toMatchObject({
      code: CloseCode.Forbidden,
      messages: 0,
    })
    const now = await t.api('france', 'GET', `/proposals/${drafted.body.proposal.id}`)
    expect(now.body.proposal).toMatchObject({ sponsors: ['FRA', 'AUT'], coalitionId: 'drafters' })
    const austria = await t.connect('austria', room)
    expect(austria.provider.wsconnected).toBe(true)
    const gone = await t.api('germany', 'GET', `/proposals/${drafted.body.proposal.id}`)
    expect(gone.status).toBe(404)
  })

  it('opens a second delegate of a state to its delegation', async () => {
    await invitedAccount(t.server, 'fra-second', { role: 'delegate', actorId: 'FRA' })
    const groups = await t.api('fra-second', 'GET', '/groups')
    expect(groups.body.groups[0]).toMatchObject({ id: 'delegation-fra', mine: true })
  })
})
