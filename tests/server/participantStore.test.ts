import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getActor } from '../../server/src/actors/catalogue'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { DEMO_PARTICIPANTS } from '../../server/src/negotiations/demoParticipants'
import type { Storage } from '../../server/src/storage/Storage'
import { changeRound, newParticipant, toCsv, type Participant } from '../../shared/domain/actors'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'
import { tempDataDir } from '../support/startServer'

const ROUNDS = ['oslo-2007', 'lima-2007', 'vienna-2007', 'wellington-2008', 'dublin-2008']

describe.each(storageBackends)('participants on $name', (backend) => {
  let dir: string
  let opened: OpenedBackend
  let storage: Storage
  beforeEach(async () => {
    dir = tempDataDir()
    opened = await backend.open()
    storage = opened.storage
  })
  afterEach(async () => {
    await opened.cleanup()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('loads the demo spreadsheet through the real schema and exports it unchanged', async () => {
    expect(await loadDemoIfEmpty(storage)).toBe(true)
    const all = await storage.participants.list('ccm')
    const oslo = (p: (typeof all)[number]) => p.rounds['oslo-2007']
    // 49 states at Oslo, 46 endorsed, as counts; listed are only the 16 a source names: 13
    // endorsers, and Japan, Poland and Romania, who attended but did not endorse.
    const states = all.filter((p) => getActor(p.actorId)?.kind === 'state')
    expect(states.filter((p) => oslo(p)?.attended)).toHaveLength(16)
    expect(states.filter((p) => oslo(p)?.endorsed)).toHaveLength(13)
    const counts = await storage.declarations.listRoundCounts('ccm')
    expect(counts.filter((c) => c.roundId === 'oslo-2007').map((c) => [c.kind, c.count])).toEqual([
      ['attended', 49],
      ['endorsed', 46],
    ])
    for (const id of ['JPN', 'POL', 'ROU']) {
      expect(all.find((p) => p.actorId === id)?.rounds['oslo-2007']).toEqual({
        attended: true,
        endorsed: false,
      })
    }
    for (const id of ['AUT', 'VAT', 'IRL', 'MEX', 'NZL', 'NOR', 'PER']) {
      expect(all.find((p) => p.actorId === id)?.note).toContain('core group')
    }
    expect(all.find((p) => p.actorId === 'FRA')?.flags.stockpiler).toBe(true)

    // The stored table writes back as the very file it came from (the fixture is in that order).
    const order = new Map(
      fs
        .readFileSync(DEMO_PARTICIPANTS, 'utf8')
        .split('\r\n')
        .map((l, i) => [l.split(',')[0], i]),
    )
    const sorted = [...all].sort(
      (a, b) => (order.get(a.actorId) ?? 0) - (order.get(b.actorId) ?? 0),
    )
    expect(toCsv(sorted, getActor, ROUNDS)).toBe(fs.readFileSync(DEMO_PARTICIPANTS, 'utf8'))
  })

  it('refuses a broken demo spreadsheet before storing anything', async () => {
    const bad = path.join(dir, 'bad.csv')
    fs.writeFileSync(bad, 'actor,user\nFRA,yes\nATL,no\n')
    await expect(loadDemoIfEmpty(storage, undefined, bad)).rejects.toThrow(
      /bad\.csv:3:1: unknown actor "ATL"/,
    )
    expect(await storage.listNegotiations()).toEqual([])
  })

  it('changes one participant in a transaction and replaces them all at once', async () => {
    await loadDemoIfEmpty(storage)
    const p = await storage.participants.update('ccm', 'COK', (current) => {
      expect(current).toBeNull()
      return changeRound(current, 'COK', 'dublin-2008', { attended: true })
    })
    expect(await storage.participants.get('ccm', 'COK')).toEqual(p)
    await expect(
      storage.participants.update('ccm', 'COK', () => newParticipant('NIU')),
    ).rejects.toThrow()

    expect(await storage.participants.remove('ccm', 'COK')).toBe(true)
    expect(await storage.participants.get('ccm', 'COK')).toBeNull()
    expect(await storage.participants.remove('ccm', 'COK')).toBe(false)

    await storage.participants.replaceAll('ccm', [newParticipant('VAT')])
    expect(await storage.participants.list('ccm')).toEqual([newParticipant('VAT')])
    // A row the database refuses (no note) undoes the whole replacement.
    const broken = { ...newParticipant('FRA'), note: null } as unknown as Participant
    await expect(
      storage.participants.replaceAll('ccm', [newParticipant('NZL'), broken]),
    ).rejects.toThrow()
    expect(await storage.participants.list('ccm')).toEqual([newParticipant('VAT')])
  })

  it('keeps both of two changes made at once to one participant, even a new one', async () => {
    await storage.createNegotiation({ id: 'ccm', name: 'CCM' }, [])
    const attended = { attended: true, endorsed: false }
    const endorsed = { attended: false, endorsed: true }
    await Promise.all(
      [...ROUNDS.entries()].map(([i, roundId]) =>
        storage.participants.update('ccm', 'NZL', (current) =>
          changeRound(current, 'NZL', roundId, i % 2 === 0 ? attended : endorsed),
        ),
      ),
    )
    expect((await storage.participants.get('ccm', 'NZL'))?.rounds).toEqual(
      Object.fromEntries(ROUNDS.map((r, i) => [r, i % 2 === 0 ? attended : endorsed])),
    )
  })
})
