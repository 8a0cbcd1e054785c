import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Storage } from '../../server/src/storage/Storage'
import type { Position, Proposal, StatusChange } from '../../shared/domain/proposals/types'
import { rawSql } from '../support/rawSql'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

const change = (from: StatusChange['from'], to: StatusChange['to']): StatusChange => ({
  from,
  to,
  byAccountId: 'a1',
  byName: 'Delegate of Germany',
  actorId: 'DEU',
  at: '2007-12-05T10:00:00.000Z',
  roundId: from === null ? null : 'vienna-2007',
})

const proposal: Proposal = {
  id: 'p-1',
  negotiationId: 'ccm',
  params: { kind: 'transition-period', years: 8 },
  title: 'Eight years',
  sponsors: ['DEU'],
  coSponsors: ['FRA'],
  articleId: 'art-1',
  anchor: { start: { item: { client: 1, clock: 2 }, assoc: 0 }, end: { assoc: -1 }, quote: 'x' },
  wording: null,
  wordingText: '',
  rationale: 'Time to adapt.',
  status: 'draft',
  tabledSeq: null,
  createdAt: '2007-12-05T09:00:00.000Z',
  createdBy: 'a1',
  history: [change(null, 'draft')],
}

const position: Position = {
  id: 'pos-1',
  proposalId: 'p-1',
  actorId: 'AUT',
  stance: 'opposes',
  roundId: 'vienna-2007',
  source: 'Vienna plenary',
  quote: 'No transition periods.',
  recordedAt: '2007-12-06T10:00:00.000Z',
  recordedBy: 'Chair',
}

// Proposals on every backend: the row, its history and positions, and writes that go all or
// nothing.
describe.each(storageBackends)('the proposal store on $name', (backend) => {
  let opened: OpenedBackend
  let storage: Storage
  beforeEach(async () => {
    opened = await backend.open()
    storage = opened.storage
    await storage.createNegotiation({ id: 'ccm', name: 'CCM' }, [])
  })
  afterEach(async () => {
    await opened.cleanup()
  })

  it('keeps a proposal with its history and positions, in order', async () => {
    expect(await storage.proposals.maxTabledSeq('ccm')).toBe(0)
    await storage.atomically(async (tx) => {
      await tx.proposals.put(proposal)
      await tx.proposals.addStatusChange('ccm', 'p-1', proposal.history[0] as StatusChange)
    })
    const tabled = { ...proposal, status: 'tabled' as const, tabledSeq: 1 }
    await storage.atomically(async (tx) => {
      await tx.proposals.put(tabled)
      await tx.proposals.addStatusChange('ccm', 'p-1', change('draft', 'tabled'))
      await tx.proposals.addPosition('ccm', position)
      await tx.proposals.addPosition('ccm', { ...position, id: 'pos-2', stance: 'concerns' })
    })
    expect(await storage.proposals.get('ccm', 'p-1')).toEqual({
      ...tabled,
      history: [change(null, 'draft'), change('draft', 'tabled')],
    })
    expect(await storage.proposals.list('ccm')).toHaveLength(1)
    expect((await storage.proposals.listPositions('ccm', 'p-1')).map((p) => p.stance)).toEqual([
      'opposes',
      'concerns',
    ])
    expect(await storage.proposals.maxTabledSeq('ccm')).toBe(1)
    expect(await storage.proposals.get('ccm', 'p-2')).toBeNull()
  })

  it('reads back what it wrote: optional fields absent or present, JSON equal, list order', async () => {
    // Created at the same time as p-1: the id decides, byte-wise (1, Z, a), whatever the locale.
    const coalition: Proposal = {
      ...proposal,
      id: 'p-Z',
      params: { kind: 'transition-period', years: 10 },
      anchor: null,
      wording: { type: 'wording', content: [{ type: 'text', text: 'ten years', marks: [] }] },
      wordingText: 'ten years',
      synthetic: true,
      coalitionId: 'core-group',
      history: [{ ...change('draft', 'deferred'), deferredTo: 'dublin-2008', note: 'Later.' }],
    }
    const older: Proposal = {
      ...proposal,
      id: 'p-9',
      createdAt: '2007-12-04T09:00:00.000Z',
      history: [],
    }
    const lower: Proposal = { ...proposal, id: 'p-a', history: [] }
    await storage.atomically(async (tx) => {
      for (const p of [lower, proposal, coalition, older]) {
        await tx.proposals.put(p)
        for (const c of p.history) await tx.proposals.addStatusChange('ccm', p.id, c)
      }
      await tx.proposals.addPosition('ccm', { ...position, proposalId: 'p-Z', id: 'pos-z' })
      await tx.proposals.addPosition('ccm', {
        ...position,
        id: 'pos-3',
        synthetic: true,
        provenance: 'synthetic',
        record: 'delegation:AUT',
      })
    })
    expect(await storage.proposals.list('ccm')).toEqual([older, proposal, coalition, lower])
    // A later put replaces the row, but not when or by whom it was created.
    await storage.atomically((tx) =>
      tx.proposals.put({ ...coalition, createdAt: '2020-01-01T00:00:00.000Z', createdBy: 'a2' }),
    )
    expect(await storage.proposals.get('ccm', 'p-Z')).toEqual(coalition)
    expect(await storage.proposals.listPositions('ccm')).toEqual([
      { ...position, proposalId: 'p-Z', id: 'pos-z' },
      {
        ...position,
        id: 'pos-3',
        synthetic: true,
        provenance: 'synthetic',
        record: 'delegation:AUT',
      },
    ])
  })

  it('stores nothing of a transaction that throws: rooms, rows and history alike', async () => {
    await expect(
      storage.atomically(async (tx) => {
        await tx.appendUpdate('ccm/text', new Uint8Array([0, 0]))
        await tx.proposals.put(proposal)
        await tx.proposals.addStatusChange('ccm', 'p-1', change(null, 'draft'))
        throw new Error('half way')
      }),
    ).rejects.toThrow('half way')
    expect(await storage.loadRoom('ccm/text')).toEqual([])
    expect(await storage.proposals.list('ccm')).toEqual([])
  })

  it('refuses to change or delete history and positions once written', async () => {
    await storage.atomically(async (tx) => {
      await tx.proposals.put(proposal)
      await tx.proposals.addStatusChange('ccm', 'p-1', change(null, 'draft'))
      await tx.proposals.addPosition('ccm', position)
    })
    const sql = rawSql(storage)
    await expect(sql("UPDATE positions SET stance = 'supports'")).rejects.toThrow(/append-only/)
    await expect(sql('DELETE FROM proposal_status_changes')).rejects.toThrow(/append-only/)
    expect(await storage.proposals.get('ccm', 'p-1')).toEqual(proposal)
    expect(await storage.proposals.listPositions('ccm')).toEqual([position])
  })
})
