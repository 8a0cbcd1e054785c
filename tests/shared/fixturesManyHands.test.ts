import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../shared/domain/actors'
import {
  ManyHandsDemoSchema,
  SYNTHETIC_NOTE_MARK,
  SYNTHETIC_TAG,
  type ManyHandsDemo,
} from '../../shared/domain/manyHandsDemo'
import { ScenarioSchema } from '../../shared/domain/rounds'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
const raw = () => JSON.parse(fixture('many-hands.json')) as ManyHandsDemo

// fixtures/many-hands.json: what is sourced says where from, what is invented says so.
describe('the many-hands fixture', () => {
  const demo = ManyHandsDemoSchema.parse(raw())

  it('has the core group with the members the participants spreadsheet gives it', () => {
    const rounds = ScenarioSchema.parse(JSON.parse(fixture('oslo-process-rounds.json'))).rounds
    const parsed = parseCsv(
      fixture('oslo-process-participants.csv'),
      () => true,
      rounds.map((r) => r.id),
    )
    if (!parsed.ok) throw new Error(parsed.error.message)
    const noted = parsed.participants
      .filter((p) => p.note.includes('Oslo Process core group'))
      .map((p) => p.actorId)
    const [core] = demo.coalitions
    expect(core).toMatchObject({ id: 'core-group', provenance: 'reported' })
    expect(core?.source).toMatch(/oslo-process-facts\.json \(coreGroup\)/)
    expect(core?.memberships).toHaveLength(1)
    expect(core?.memberships[0]?.roundId).toBeNull()
    expect([...(core?.memberships[0]?.actorIds ?? [])].sort()).toEqual(noted.sort())
    expect(noted).toHaveLength(7)
  })

  it('marks its invented session and notes as synthetic', () => {
    expect(demo.sessions.map((s) => [s.id, s.provenance])).toEqual([['fop-art-2', 'synthetic']])
    for (const n of demo.notes) {
      expect(n.tags).toContain(SYNTHETIC_TAG)
      expect(n.body).toContain(SYNTHETIC_NOTE_MARK)
    }
  })

  it('refuses an unmarked note, a sourceless reported coalition and a recorded session', () => {
    const unmarked = raw()
    unmarked.notes = unmarked.notes.map((n) => ({
      ...n,
      body: n.body.replace(SYNTHETIC_NOTE_MARK, ''),
    }))
    expect(ManyHandsDemoSchema.safeParse(unmarked).success).toBe(false)
    const untagged = raw()
    untagged.notes = untagged.notes.map((n) => ({ ...n, tags: ['question'] }))
    expect(ManyHandsDemoSchema.safeParse(untagged).success).toBe(false)
    const sourceless = raw()
    sourceless.coalitions = sourceless.coalitions.map((c) => ({ ...c, source: '' }))
    expect(ManyHandsDemoSchema.safeParse(sourceless).success).toBe(false)
    const recorded = raw() as unknown as { sessions: { provenance: string }[] }
    recorded.sessions = recorded.sessions.map((s) => ({ ...s, provenance: 'recorded' }))
    expect(ManyHandsDemoSchema.safeParse(recorded).success).toBe(false)
  })

  it('refuses a delegation note in a group that is not a delegation, and a twice-used id', () => {
    const coalitionNote = raw()
    coalitionNote.notes = coalitionNote.notes.map((n) => ({ ...n, groupId: 'core-group' }))
    expect(ManyHandsDemoSchema.safeParse(coalitionNote).success).toBe(false)
    const twice = raw()
    twice.notes = twice.notes.map((n) => ({ ...n, id: 'n-same' }))
    expect(ManyHandsDemoSchema.safeParse(twice).success).toBe(false)
  })
})
