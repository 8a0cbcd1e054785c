import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, type Caller } from '../support/api'
import { closeOsloRound } from '../support/closedRound'
import { startServer, type TestServer } from '../support/startServer'

// Backup and move: the demo negotiation exported as JSON from one instance and imported into a
// fresh one (its own data folder, no demo) holds the same text, proposals, positions and more.
describe('a whole negotiation as JSON, into a fresh instance', () => {
  let source: TestServer
  let fresh: TestServer
  let sourceAdmin: Caller
  let freshAdmin: Caller
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let exported: any

  beforeAll(async () => {
    // The demo with a closed round (a frozen text) and events in its log.
    const first = await startServer()
    await first.close()
    await closeOsloRound(first)
    source = await first.restart()
    fresh = await startServer({ demo: false })
    sourceAdmin = await source.loginAs('admin')
    freshAdmin = await fresh.loginAs('admin')
    const res = await call(
      source.url,
      sourceAdmin,
      'GET',
      '/api/negotiations/ccm/export/negotiation.json',
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="?ccm-negotiation-[\d-]+\.json"?$/,
    )
    exported = res.body
  })
  afterAll(async () => {
    await source.dispose()
    await fresh.dispose()
  })

  it('exports rooms, text, proposals with histories, positions, participants and groups, no secrets', () => {
    expect(exported.format).toBe('plenary-negotiation')
    expect(exported.rooms.map((r: { name: string }) => r.name)).toContain('text')
    expect(exported.rooms.some((r: { name: string }) => r.name.startsWith('draft/'))).toBe(true)
    expect(exported.proposals.length).toBeGreaterThan(5)
    expect(exported.positions.length).toBeGreaterThanOrEqual(2)
    expect(exported.participants.length).toBeGreaterThan(100)
    expect(exported.groups.map((g: { id: string }) => g.id)).toEqual(['cmc', 'core-group', 'hrw'])
    // The demo's coalition keeps its members, and France's private notes room is backed up.
    expect(exported.coalitionMembers).toEqual([
      {
        groupId: 'core-group',
        roundId: null,
        actorIds: ['AUT', 'VAT', 'IRL', 'MEX', 'NZL', 'NOR', 'PER'],
      },
    ])
    expect(exported.rooms.map((r: { name: string }) => r.name)).toContain('notes/delegation-fra')
    // The demo's closed rounds and the one the test closed, each with its frozen text.
    expect(exported.roundSnapshots.map((s: { roundId: string }) => s.roundId)).toContain(
      'oslo-2007',
    )
    expect(exported.events.length).toBeGreaterThanOrEqual(2)
    expect(exported.members.find((m: { username: string }) => m.username === 'france')).toEqual({
      username: 'france',
      membership: { role: 'delegate', actorId: 'FRA' },
    })
    expect(JSON.stringify(exported)).not.toMatch(/passwordHash|scrypt|token_hash/i)
  })

  it('imports as a new negotiation with identical text, proposals, positions, participants and groups', async () => {
    const res = await call(
      fresh.url,
      freshAdmin,
      'POST',
      '/api/negotiations/import-json',
      exported,
      {
        origin: fresh.url,
      },
    )
    expect(res.status).toBe(201)
    expect(res.body.negotiation).toMatchObject({ id: 'ccm', name: exported.negotiation.name })
    const again = await call(
      fresh.url,
      freshAdmin,
      'GET',
      '/api/negotiations/ccm/export/negotiation.json',
    )
    expect(again.status).toBe(200)
    const copy = again.body
    // The text: ProseMirror JSON equal, and the Yjs state too, so anchors resolve the same.
    expect(copy.text).toEqual(exported.text)
    const room = (data: typeof exported, name: string) =>
      data.rooms.find((r: { name: string }) => r.name === name)?.update
    expect(room(copy, 'text')).toBe(room(exported, 'text'))
    for (const key of [
      'rounds',
      'proposals',
      'positions',
      'participants',
      'groups',
      'coalitionMembers',
    ]) {
      expect(copy[key], key).toEqual(exported[key])
    }
    // Frozen texts alike, Yjs state included; the round is closed again.
    expect(copy.roundSnapshots).toEqual(exported.roundSnapshots)
    expect(copy.rounds[0]).toMatchObject({ id: 'oslo-2007', status: 'closed' })
    // Events alike field by field; only the log's own numbering (seq) is this instance's.
    const unnumbered = (events: { seq: number }[]) => events.map(({ seq: _seq, ...e }) => e)
    expect(unnumbered(copy.events)).toEqual(unnumbered(exported.events))
    expect(copy.events.length).toBe(exported.events.length)
    for (const r of exported.rooms.filter((r: { name: string }) => r.name !== 'register')) {
      expect(room(copy, r.name), r.name).toBe(r.update)
    }
    // Every tabled proposal still finds its words in the imported text.
    const before = await call(source.url, sourceAdmin, 'GET', '/api/negotiations/ccm/proposals')
    const after = await call(fresh.url, freshAdmin, 'GET', '/api/negotiations/ccm/proposals')
    const view = (list: { id: string; anchorState: string; anchorText: string }[]) =>
      list.map(({ id, anchorState, anchorText }) => ({ id, anchorState, anchorText }))
    expect(view(after.body.proposals)).toEqual(view(before.body.proposals))
    // Memberships are not restored unless asked for (the usernames may be other people here).
    expect(copy.members).toEqual([])
  })

  it('refuses an id that is taken, a non-admin, and a broken file, changing nothing', async () => {
    const again = await call(
      fresh.url,
      freshAdmin,
      'POST',
      '/api/negotiations/import-json',
      exported,
      {
        origin: fresh.url,
      },
    )
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('id_taken')

    const chair = await source.loginAs('chair')
    const forbidden = await call(
      source.url,
      chair,
      'POST',
      '/api/negotiations/import-json?id=other',
      exported,
    )
    expect(forbidden.status).toBe(403)

    const broken = {
      ...exported,
      rooms: exported.rooms.map((r: { name: string; update: string }) =>
        r.name === 'text' ? { ...r, update: 'AAAA' } : r,
      ),
    }
    const bad = await call(
      fresh.url,
      freshAdmin,
      'POST',
      '/api/negotiations/import-json?id=broken',
      broken,
      {
        origin: fresh.url,
      },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_export')
    const missing = await call(fresh.url, freshAdmin, 'GET', '/api/negotiations/broken')
    expect(missing.status).toBe(404)

    const notAnExport = await call(fresh.url, freshAdmin, 'POST', '/api/negotiations/import-json', {
      format: 'something else',
    })
    expect(notAnExport.status).toBe(400)
  })

  it('restores memberships by username when asked, on an instance with those accounts', async () => {
    // The source instance has the demo accounts; a copy under another id gets their roles.
    const copy = {
      ...exported,
      // Position ids are unique per instance: a copy beside the original needs its own.
      positions: exported.positions.map((p: { id: string }) => ({ ...p, id: `${p.id}-copy` })),
      // So are statements' and campaign actions'.
      statements: exported.statements.map((p: { id: string }) => ({ ...p, id: `${p.id}-copy` })),
      campaignActions: exported.campaignActions.map((p: { id: string }) => ({
        ...p,
        id: `${p.id}-copy`,
      })),
    }
    const res = await call(
      source.url,
      sourceAdmin,
      'POST',
      '/api/negotiations/import-json?id=ccm-copy&members=true',
      copy,
    )
    expect(res.status).toBe(201)
    expect(res.body.skippedMembers).toEqual([])
    const france = await source.loginAs('france')
    const seen = await call(source.url, france, 'GET', '/api/negotiations/ccm-copy')
    expect(seen.body.negotiation.membership).toMatchObject({ role: 'delegate', actorId: 'FRA' })
    const proposals = await call(source.url, france, 'GET', '/api/negotiations/ccm-copy/proposals')
    expect(
      proposals.body.proposals.every(
        (p: { negotiationId: string }) => p.negotiationId === 'ccm-copy',
      ),
    ).toBe(true)
  })
})
