import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleVersion } from '../../shared/domain/articleText'
import { ScenarioSchema } from '../../shared/domain/rounds'
import { readDemoRounds } from '../../server/src/negotiations/demoRounds'
import { treatySchema } from '../../shared/schema'

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures')

// The synthetic discussion texts of the demo's earlier rounds load through the real parser and
// schema, with the adopted text's article ids.
describe('fixtures/rounds', () => {
  const scenario = ScenarioSchema.parse(
    JSON.parse(fs.readFileSync(path.join(FIXTURES, 'oslo-process-rounds.json'), 'utf8')),
  )
  const demo = readDemoRounds('ccm', scenario.rounds)
  const text = (roundId: string) => {
    const snapshot = demo.snapshots.find((s) => s.roundId === roundId)
    if (!snapshot) throw new Error(`no snapshot of ${roundId}`)
    return treatySchema.nodeFromJSON(snapshot.doc)
  }

  it('says at the top of each file that it is synthetic', () => {
    for (const file of ['lima-2007.txt', 'vienna-2007.txt', 'wellington-2008.txt']) {
      const first = fs.readFileSync(path.join(FIXTURES, 'rounds', file), 'utf8').split('\n')[0]
      expect(first).toMatch(/^# synthetic: /)
    }
  })

  it('freezes Lima, Vienna and Wellington, closes Oslo, and leaves Dublin open', () => {
    expect(demo.snapshots.map((s) => [s.roundId, s.name, s.synthetic])).toEqual([
      ['lima-2007', 'Lima Discussion Text', true],
      ['vienna-2007', 'Vienna Discussion Text', true],
      ['wellington-2008', 'Wellington Discussion Text', true],
    ])
    expect(demo.ended.map((e) => e.roundId)).toEqual(['oslo-2007'])
    expect(demo.open?.roundId).toBe('dublin-2008')
  })

  it('keeps article ids across renumbering: Definitions is Article 3 in Lima, 2 after', () => {
    expect(articleVersion(text('lima-2007'), 'art-2')).toMatchObject({ number: 3 })
    expect(articleVersion(text('vienna-2007'), 'art-2')).toMatchObject({ number: 2 })
    expect(articleVersion(text('wellington-2008'), 'art-22')).toMatchObject({ number: 21 })
  })

  it('reads as the report tells: Vienna has five-year clearance, six-year stockpiles, a bracket', () => {
    const vienna = text('vienna-2007')
    expect(articleVersion(vienna, 'art-4')?.text).toContain('five years')
    expect(articleVersion(vienna, 'art-3')?.text).toContain('six years')
    expect(articleVersion(vienna, 'art-2')?.text).toMatch(/\[Placeholder: munitions/)
    expect(articleVersion(vienna, 'art-21')).toBeNull()
  })
})
