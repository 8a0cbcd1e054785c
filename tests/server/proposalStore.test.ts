import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import type { Position, Proposal, StatusChange } from '../../shared/domain/proposals/types'
import { tempDataDir } from '../support/startServer'

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

// Proposals in SQLite: the row, its history and positions, and writes that go all or nothing.
describe('the proposal store', () => {
  let dir: string
  let storage: SqliteStorage
  beforeEach(async () => {
    dir = tempDataDir()
    storage = new SqliteStorage(path.join(dir, 'plenary.sqlite'))
    await storage.createNegotiation({ id: 'ccm', name: 'CCM' }, [])
  })
  afterEach(async () => {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keeps a proposal with its history and positions, in order', async () => {
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
    await storage.close()
    const db = new Database(path.join(dir, 'plenary.sqlite'))
    try {
      expect(() => db.exec("UPDATE positions SET stance = 'supports'")).toThrow(/append-only/)
      expect(() => db.exec('DELETE FROM proposal_status_changes')).toThrow(/append-only/)
    } finally {
      db.close()
    }
    storage = new SqliteStorage(path.join(dir, 'plenary.sqlite'))
  })
})
