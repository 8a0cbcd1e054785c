import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ScenarioSchema } from '../../shared/domain/rounds'
import { parseTreatyText } from '../../shared/domain/importText'
import { treatySchema } from '../../shared/schema'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')

describe('fixtures load through the real schemas', () => {
  const scenario = ScenarioSchema.parse(JSON.parse(fixture('oslo-process-rounds.json')))

  it('lists the five Oslo Process conferences in order', () => {
    expect(scenario.rounds.map((r) => r.place.split(',')[0])).toEqual([
      'Oslo',
      'Lima',
      'Vienna',
      'Wellington',
      'Dublin',
    ])
    const starts = scenario.rounds.map((r) => r.startDate)
    expect([...starts].sort()).toEqual(starts)
  })

  it("imports the scenario's text into a document that round-trips through JSON", () => {
    const result = parseTreatyText(fixture(scenario.negotiation.text))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const again = treatySchema.nodeFromJSON(result.doc.toJSON())
    expect(again.eq(result.doc)).toBe(true)
  })

  it('refuses a round that ends before it starts', () => {
    const bad = { ...scenario.rounds[0], endDate: '2000-01-01' }
    expect(ScenarioSchema.safeParse({ ...scenario, rounds: [bad] }).success).toBe(false)
  })
})
