import { describe, expect, it } from 'vitest'
import type { Participant } from '../../client/src/features/actors/actorsApi'
import { NO_GROUP, groupsOf, view } from '../../client/src/features/actors/participantView'

const participant = (
  id: string,
  name: string,
  unRegionalGroup: string | undefined,
  flags: Partial<Participant['flags']> = {},
  endorsedOslo = false,
): Participant => ({
  actor: { id, kind: unRegionalGroup ? 'state' : 'organisation', name, unRegionalGroup },
  flags: { user: false, producer: false, stockpiler: false, affected: false, ...flags },
  note: '',
  rounds: { oslo: { attended: endorsedOslo, endorsed: endorsedOslo } },
})

const list = [
  participant('FRA', 'France', 'WEOG', { stockpiler: true }, true),
  participant('CIV', "Côte d'Ivoire", 'African Group'),
  participant('DEU', 'Germany', 'WEOG', { producer: true, stockpiler: true }),
  participant('icrc', 'ICRC', undefined),
]
const all = { text: '', group: '', flag: '' } as const
const byName = { key: 'name', descending: false } as const
const ids = (ps: Participant[]) => ps.map((p) => p.actor.id)

describe('the actors table: filter and sort', () => {
  it('finds by part of a name (accents ignored) or ISO code', () => {
    expect(ids(view(list, { ...all, text: 'cote' }, byName))).toEqual(['CIV'])
    expect(ids(view(list, { ...all, text: 'deu' }, byName))).toEqual(['DEU'])
  })

  it('filters by UN regional group, none, a flag, or endorsement in a round', () => {
    expect(groupsOf(list)).toEqual(['African Group', 'WEOG'])
    expect(ids(view(list, { ...all, group: 'WEOG' }, byName))).toEqual(['FRA', 'DEU'])
    expect(ids(view(list, { ...all, group: NO_GROUP }, byName))).toEqual(['icrc'])
    expect(ids(view(list, { ...all, flag: 'stockpiler' }, byName))).toEqual(['FRA', 'DEU'])
    expect(ids(view(list, { ...all, flag: 'endorsed:oslo' }, byName))).toEqual(['FRA'])
  })

  it('sorts by name, ISO code or group, either way, ties by name', () => {
    expect(ids(view(list, all, byName))).toEqual(['CIV', 'FRA', 'DEU', 'icrc'])
    expect(ids(view(list, all, { key: 'id', descending: true }))).toEqual([
      'icrc',
      'FRA',
      'DEU',
      'CIV',
    ])
    expect(ids(view(list, all, { key: 'group', descending: false }))).toEqual([
      'icrc',
      'CIV',
      'FRA',
      'DEU',
    ])
  })
})
