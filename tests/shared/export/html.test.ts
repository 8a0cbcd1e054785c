import { describe, expect, it } from 'vitest'
import { compendium, compendiumHtml, describeKind, toHtml } from '../../../shared/domain/export'
import type { Position, Proposal } from '../../../shared/domain/proposals'
import { ccmDoc } from './ccm'

const proposal = (over: Partial<Proposal>): Proposal => ({
  id: 'p1',
  negotiationId: 'ccm',
  params: { kind: 'exemption', subtype: 'failure-rate', ratePercent: 1 },
  title: 'Failure-rate exemption',
  sponsors: ['DEU'],
  coSponsors: ['FRA'],
  articleId: 'art-2',
  anchor: { start: null, end: null, quote: 'explosive submunitions' },
  wording: {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'with a failure rate <1 %' }] }],
  },
  wordingText: 'with a failure rate <1 %',
  rationale: 'Reliability.',
  status: 'tabled',
  tabledSeq: 1,
  createdAt: '2007-12-05T09:00:00Z',
  createdBy: 'a1',
  history: [
    {
      from: null,
      to: 'draft',
      byAccountId: 'a1',
      byName: 'Ms D',
      actorId: 'DEU',
      at: '2007-12-05T09:00:00Z',
      roundId: null,
    },
    {
      from: 'draft',
      to: 'tabled',
      byAccountId: 'a1',
      byName: 'Ms D',
      actorId: 'DEU',
      at: '2007-12-06T09:00:00Z',
      roundId: 'vienna',
    },
  ],
  ...over,
})

const position = (over: Partial<Position>): Position => ({
  id: 'x1',
  proposalId: 'p1',
  actorId: 'AUT',
  stance: 'opposes',
  roundId: 'vienna',
  source: 'plenary',
  quote: '',
  recordedAt: '2007-12-06T10:00:00Z',
  recordedBy: 'chair',
  ...over,
})

const names = {
  actors: [
    { id: 'DEU', name: 'Germany' },
    { id: 'FRA', name: 'France' },
    { id: 'AUT', name: 'Austria' },
    { id: 'NOR', name: 'Norway' },
  ],
  rounds: [{ id: 'vienna', name: 'Vienna Conference' }],
}

describe('toHtml', () => {
  it('prints every article with its number and title, for A4', () => {
    const html = toHtml(ccmDoc(), { title: 'CCM', subtitle: 'Vienna Discussion Text' })
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('@page { size: A4;')
    expect(html).toContain('Vienna Discussion Text')
    for (let n = 1; n <= 23; n++) expect(html).toContain(`<span class="num">Article ${n}</span>`)
    expect(html).toContain('<span class="label">(iv)</span>')
  })
})

describe('compendium', () => {
  const articles = [
    { id: 'art-1', number: 1, title: 'Scope' },
    { id: 'art-2', number: 2, title: 'Definitions' },
  ]
  const proposals = [
    proposal({}),
    proposal({ id: 'p2', status: 'draft', tabledSeq: null, title: 'A draft' }),
    proposal({ id: 'p3', articleId: 'art-1', tabledSeq: 2, title: 'On scope', status: 'rejected' }),
    proposal({ id: 'p4', articleId: 'art-gone', tabledSeq: 3, title: 'On a deleted article' }),
  ]
  const positions = [
    position({}),
    position({ id: 'x2', stance: 'supports', recordedAt: '2007-12-07T10:00:00Z' }),
    position({ id: 'x3', actorId: 'NOR', stance: 'opposes', quote: 'No exemptions' }),
  ]

  it('lists proposals past their draft by article in text order, then deleted articles', () => {
    const sections = compendium(proposals, positions, articles, names)
    expect(sections.map((s) => s.heading)).toEqual([
      'Article 1 — Scope',
      'Article 2 — Definitions',
      'Article no longer in the text (art-gone)',
    ])
    const p1 = sections[1]?.entries[0]
    expect(p1?.sponsors).toEqual(['Germany'])
    expect(p1?.coSponsors).toEqual(['France'])
    expect(p1?.kind).toBe('Exemption: failure rate ≤ 1 %')
    expect(p1?.history.map((h) => h.text)).toEqual([
      'draft, by Ms D for Germany',
      'draft → tabled, by Ms D for Germany, Vienna Conference',
    ])
    // Austria changed its mind: its later support supersedes its opposition.
    expect(p1?.positions.map((g) => [g.stance, g.count])).toEqual([
      ['supports', 1],
      ['opposes', 1],
    ])
    expect(p1?.superseded).toBe(1)
  })

  it('prints as HTML with escaped wording', () => {
    const html = compendiumHtml(proposals, positions, articles, { ...names, title: 'Compendium' })
    expect(html).toContain('P1. Failure-rate exemption')
    expect(html).toContain('with a failure rate &lt;1 %')
    expect(html).toContain('Support (1)')
    expect(html).toContain('“No exemptions”')
    expect(html).not.toContain('A draft')
  })

  it("prints a wording's brackets in bold and its footnotes after it", () => {
    const bracketed = proposal({
      wording: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'with ' },
              {
                type: 'text',
                text: 'no',
                marks: [{ type: 'bracket', attrs: { id: 'w', alt: 0 } }],
              },
              {
                type: 'text',
                text: 'a low',
                marks: [{ type: 'bracket', attrs: { id: 'w', alt: 1 } }],
              },
              { type: 'text', text: ' failure rate' },
              { type: 'footnote', attrs: { id: 'f', text: 'As tested.' } },
            ],
          },
        ],
      },
    })
    const html = compendiumHtml([bracketed], [], articles, { ...names, title: 'Compendium' })
    expect(html).toContain(
      'with <b class="br br-open">[</b>no<b class="br br-alt">][</b>a low<b class="br br-close">]</b> failure rate<sup class="fn-ref">',
    )
    expect(html).toContain('<sup><a href="#fnref-1">1</a></sup> As tested.</p>')
  })

  it('describes kinds with their parameters', () => {
    expect(describeKind({ kind: 'deadline-change', fromYears: 10, toYears: 5 })).toBe(
      'Deadline change: 10 → 5 years',
    )
    expect(describeKind({ kind: 'transition-period', years: 8 })).toBe('Transition period: 8 years')
  })
})
