import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { compendium, compendiumAkn } from '../../../shared/domain/export'
import type { Position, Proposal } from '../../../shared/domain/proposals'
import { aknStructureProblems, xsdProblems } from '../../support/aknStructure'

const proposal: Proposal = {
  id: 'p1',
  negotiationId: 'paris',
  params: { kind: 'replacement' },
  title: 'Temperature goal <1.5>',
  sponsors: ['AOSIS'],
  coSponsors: ['LDC'],
  articleId: 'art-purpose',
  anchor: { start: null, end: null, quote: 'below 2 °C' },
  wording: {
    type: 'doc',
    content: [
      {
        type: 'numbered_paragraph',
        content: [
          { type: 'text', text: 'Hold the increase ' },
          {
            type: 'text',
            text: 'well below',
            marks: [{ type: 'bracket', attrs: { id: 'w', alt: 0 } }],
          },
          { type: 'text', text: 'below', marks: [{ type: 'bracket', attrs: { id: 'w', alt: 1 } }] },
          { type: 'text', text: ' 2 °C.' },
        ],
      },
    ],
  },
  wordingText: 'Hold the increase well below 2 °C.',
  rationale: 'Science.',
  status: 'tabled',
  tabledSeq: 1,
  createdAt: '2015-12-05T09:00:00Z',
  createdBy: 'a1',
  history: [],
}

describe('compendiumAkn', () => {
  const sections = compendium(
    [proposal],
    [],
    [{ id: 'art-purpose', number: 1, label: '2', title: 'Purpose' }],
    {
      actors: [
        { id: 'AOSIS', name: 'Alliance of Small Island States' },
        { id: 'LDC', name: 'Least Developed Countries' },
      ],
    },
  )
  const xml = compendiumAkn(sections, {
    negotiationId: 'paris',
    workDate: '2015-10-23',
    expressionDate: '2015-12-09',
    generated: '2026-01-01',
    title: 'Paris: compendium of proposals',
  })

  it('names sponsors as docProponent, each an organization in the references', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<doc name="compendium" contains="originalVersion">')
    expect(xml).toContain(
      'Sponsors: <docProponent refersTo="#actor-aosis" as="#sponsor">Alliance of Small Island States</docProponent>; co-sponsored by <docProponent refersTo="#actor-ldc" as="#coSponsor">Least Developed Countries</docProponent>',
    )
    expect(xml).toContain(
      '<TLCOrganization eId="actor-aosis" href="/ontology/organization/actor-aosis" showAs="Alliance of Small Island States"/>',
    )
    expect(xml).toContain('<TLCRole eId="sponsor"')
  })

  it("keeps the wording's brackets and alternatives, and escapes", () => {
    expect(xml).toContain('<heading>Article 2 — Purpose</heading>')
    expect(xml).toContain('<heading>Temperature goal &lt;1.5&gt;</heading>')
    expect(xml).toMatch(
      /Hold the increase <span class="bracketed" eId="[^"]+">\[<span class="alternative" eId="[^"]+__alt_1">well below<\/span>\]\[<span class="alternative" eId="[^"]+__alt_2" alternativeTo="[^"]+__alt_1">below<\/span>\]<\/span> 2 °C\./,
    )
  })

  it("keeps to AKN 3.0's content models (and its XSD, where AKN_XSD points to it)", () => {
    expect(aknStructureProblems(xml)).toEqual([])
    const xsd = xsdProblems(xml)
    if (xsd === undefined) console.log('No AKN 3.0 XSD here: content models checked only')
    else expect(xsd).toBeNull()
  })
})

describe('compendiumAkn with provenance', () => {
  const synthetic: Proposal = { ...proposal, id: 'p2', tabledSeq: 2, synthetic: true }
  const position = (actorId: string, extra: Partial<Position>): Position => ({
    id: `pos-${actorId}`,
    proposalId: 'p1',
    actorId,
    stance: 'supports',
    roundId: null,
    source: '',
    quote: '',
    recordedAt: '2015-12-06T10:00:00Z',
    recordedBy: 'Secretariat',
    ...extra,
  })
  const sections = compendium(
    [proposal, synthetic],
    [
      position('AOSIS', { provenance: 'reported', source: 'ENB 12 December' }),
      position('LDC', { synthetic: true }),
      position('EU', { record: 'delegation:EU', provenance: 'recorded' }),
    ],
    [{ id: 'art-purpose', number: 1, label: '2', title: 'Purpose' }],
    { actors: [{ id: 'EU', name: 'European Union' }] },
  )
  const xml = compendiumAkn(sections, {
    negotiationId: 'paris',
    workDate: '2015-10-23',
    expressionDate: '2015-12-09',
    generated: '2026-01-01',
    title: 'Paris: compendium of proposals',
  })

  it('marks the synthetic proposal, says what the mark means, and gives each position its provenance', () => {
    expect(xml).toContain(
      '<heading>Temperature goal &lt;1.5&gt; <span class="synthetic">Synthetic</span></heading>',
    )
    expect(xml.match(/<span class="synthetic">/g)).toHaveLength(1)
    expect(xml).toContain(
      'Entries marked Synthetic were invented for the demo and are not from a source.',
    )
    expect(xml).toContain('AOSIS — Reported: ENB 12 December')
    expect(xml).toContain('LDC — Synthetic')
    expect(xml).toContain('European Union — Recorded by Delegation of European Union')
  })

  it('stays valid Akoma Ntoso', () => {
    expect(aknStructureProblems(xml)).toEqual([])
    const xsd = xsdProblems(xml)
    if (xsd === undefined) console.log('No AKN 3.0 XSD here: content models checked only')
    else expect(xsd).toBeNull()
  })
})
