import { describe, expect, it } from 'vitest'
import type { Participant } from '../../client/src/features/actors/actorsApi'
import { view } from '../../client/src/features/actors/participantView'
import {
  endorsementText,
  hasEndorsed,
  indexStances,
  treatyText,
} from '../../client/src/features/actors/stanceColumns'
import type { StanceData } from '../../shared/domain/stances/stanceData'

const UNTC = 'UN Treaty Collection, MTDSG XXVI-6; PARTIAL: Afghanistan..Ecuador'

const data = {
  rounds: [],
  issues: [],
  proposals: [],
  statements: [],
  actors: [],
  participants: [],
  declarations: [
    {
      id: 'oslo',
      negotiationId: 'ccm',
      title: 'Oslo Declaration',
      roundId: 'oslo',
      adoptedOn: '2007-02-23',
      source: '',
      reportedCounts: [],
    },
    {
      id: 'wellington',
      negotiationId: 'ccm',
      title: 'Wellington Declaration',
      roundId: 'wellington',
      adoptedOn: '2008-02-22',
      source: '',
      reportedCounts: [
        { count: 82, asOf: '2008-02-22', note: 'Endorsing at the end', source: 'landmine.de' },
        { count: 72, asOf: '2008-02-22', note: 'Spoke up to endorse', source: 'Insight' },
        { count: 105, asOf: '2008-05-06', note: 'Endorsing by 6 May', source: 'Norway' },
      ],
    },
  ],
  endorsements: [
    {
      negotiationId: 'ccm',
      declarationId: 'oslo',
      actorId: 'AUT',
      date: '2007-02-23',
      source: 'Oslo Declaration',
      provenance: 'reported',
    },
  ],
  roundCounts: [
    {
      negotiationId: 'ccm',
      roundId: 'wellington',
      kind: 'endorsed',
      count: 82,
      asOf: '2008-02-22',
      note: 'Endorsing the Wellington Declaration',
      source: 'landmine.de',
    },
    {
      negotiationId: 'ccm',
      roundId: 'wellington',
      kind: 'attended',
      count: 122,
      asOf: null,
      note: 'States present',
      source: 'Insight',
    },
  ],
  treatyStatus: [
    {
      negotiationId: 'ccm',
      actorId: 'AFG',
      signature: '2008-12-03',
      actionDate: '2011-09-08',
      action: 'ratification',
      provisionalApplication: null,
      declarations: '',
      source: UNTC,
    },
    {
      negotiationId: 'ccm',
      actorId: 'AND',
      signature: null,
      actionDate: '2013-04-09',
      action: 'accession',
      provisionalApplication: null,
      declarations: '',
      source: UNTC,
    },
  ],
  targetLists: [],
  groups: [],
} satisfies StanceData

describe('treaty status and endorsements in the actors table', () => {
  const index = indexStances(data)

  it('gives signature and ratification or accession with their dates', () => {
    expect(treatyText(index, 'AFG').text).toBe('Signed 2008-12-03 · Ratified 2011-09-08')
    expect(treatyText(index, 'AND').text).toBe('No signature listed · Acceded 2013-04-09')
  })

  it('says unknown, never "not signed", for a state the partial list does not hold', () => {
    const fra = treatyText(index, 'FRA')
    expect(fra).toMatchObject({ known: false, text: 'Unknown: not in the partial UNTC list' })
    expect(fra.text).not.toMatch(/not signed/i)
    const none = indexStances({ ...data, treatyStatus: [] })
    expect(treatyText(none, 'AFG').text).toBe('Unknown: no treaty status imported')
  })

  it('ticks a listed endorsement with its date, and says when only a count is known', () => {
    expect(endorsementText(index, 'oslo', 'AUT')).toMatchObject({
      text: '✓ 2007-02-23',
      known: true,
    })
    expect(endorsementText(index, 'oslo', 'FRA')).toMatchObject({
      text: 'not listed',
      known: false,
    })
    // The round's count of endorsements is the declaration's own 82; attendance is no endorsement.
    expect(endorsementText(index, 'wellington', 'AUT')).toMatchObject({
      text: 'count only: 82 / 72 at the meeting; 105 by 2008-05-06',
      title: '82: Endorsing at the end\n72: Spoke up to endorse\n105: Endorsing by 6 May',
    })
  })

  it('filters by a target list and by "not endorsed yet"', () => {
    const participant = (id: string, name: string): Participant => ({
      actor: { id, kind: 'state', name },
      flags: { user: false, producer: false, stockpiler: false, affected: false },
      note: '',
      rounds: {},
    })
    const list = [
      participant('AUT', 'Austria'),
      participant('FRA', 'France'),
      participant('AFG', 'Afghanistan'),
    ]
    const facts = {
      inList: (listId: string, actorId: string) => listId === 'list-1' && actorId !== 'AUT',
      endorsed: (d: string, a: string) => hasEndorsed(index, d, a),
    }
    const all = { text: '', group: '', flag: '' } as const
    const byName = { key: 'name', descending: false } as const
    const ids = (f: Parameters<typeof view>[1]) =>
      view(list, f, byName, facts).map((p) => p.actor.id)
    expect(ids({ ...all, targetList: 'list-1' })).toEqual(['AFG', 'FRA'])
    expect(ids({ ...all, notEndorsed: 'oslo' })).toEqual(['AFG', 'FRA'])
    expect(ids({ ...all, targetList: 'list-1', text: 'fr' })).toEqual(['FRA'])
    expect(ids(all)).toEqual(['AFG', 'AUT', 'FRA'])
  })
})
