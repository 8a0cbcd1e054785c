import { describe, expect, it } from 'vitest'
import type { NegotiationEvent } from '../../../shared/domain/events'
import type { Position, Proposal } from '../../../shared/domain/proposals/types'
import { assembleReport, type ReportInput } from '../../../shared/domain/report/assemble'
import { changedArticles } from '../../../shared/domain/report/changedArticles'
import { reportSummary, sectionLines } from '../../../shared/domain/report/lines'
import { parseSince, type ReportSection } from '../../../shared/domain/report/types'
import { article, article_title, numbered_paragraph, treaty } from '../../support/builders'

const SINCE = '2008-05-20T00:00:00.000Z'

const proposal = (
  id: string,
  articleId: string,
  sponsors: string[],
  synthetic = false,
): Proposal => ({
  id,
  negotiationId: 'ccm',
  params: { kind: 'definition' },
  title: `Proposal ${id}`,
  sponsors,
  coSponsors: [],
  articleId,
  anchor: null,
  wording: null,
  wordingText: 'new words',
  rationale: '',
  status: 'tabled',
  tabledSeq: Number(id.slice(1)),
  createdAt: SINCE,
  createdBy: 'x',
  history: [],
  synthetic,
})

let seq = 0
const event = (
  type: NegotiationEvent['type'],
  fields: Partial<NegotiationEvent>,
): NegotiationEvent => ({
  seq: ++seq,
  negotiationId: 'ccm',
  type,
  at: '2008-05-21T10:00:00.000Z',
  accountId: null,
  byName: 'Someone',
  actorId: null,
  roundId: null,
  articleId: null,
  proposalId: null,
  data: {},
  ...fields,
})

const position = (
  proposalId: string,
  actorId: string,
  recordedAt: string,
  synthetic = false,
): Position => ({
  id: `${proposalId}-${actorId}-${recordedAt}`,
  proposalId,
  actorId,
  stance: 'supports',
  roundId: null,
  source: 'plenary',
  quote: '',
  recordedAt,
  recordedBy: 'x',
  synthetic,
})

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  negotiation: { id: 'ccm', name: 'CCM' },
  since: { kind: 'time', at: SINCE, label: 'Since then' },
  generatedAt: '2008-05-22T00:00:00.000Z',
  filter: { articles: [], actors: [] },
  events: [
    event('proposal-tabled', { proposalId: 'p1', byName: 'France' }),
    event('proposal-decided', { proposalId: 'p2', data: { from: 'tabled', to: 'rejected' } }),
    event('text-edited', {
      articleId: 'art-1',
      byName: 'Chair',
      data: { insertedChars: 3, deletedChars: 1, bracketsAdded: 2, bracketsRemoved: 1 },
    }),
    event('member-added', { data: { username: 'x' } }),
  ],
  eventsCut: false,
  proposals: [proposal('p1', 'art-2', ['FRA']), proposal('p2', 'art-1', ['AUT'], true)],
  positions: [
    position('p1', 'DEU', '2008-05-21T11:00:00.000Z'),
    position('p1', 'AUT', '2008-05-19T11:00:00.000Z'),
  ],
  articles: [
    { id: 'art-1', number: 1, title: 'Scope' },
    { id: 'art-2', number: 2, title: 'Definitions' },
  ],
  baseline: { name: 'Vienna Text', at: '2007-12-07T00:00:00.000Z', exact: false, synthetic: false },
  textChanges: [],
  textChangesLeftOut: 0,
  caveats: [],
  actors: [
    { id: 'FRA', name: 'France' },
    { id: 'DEU', name: 'Germany' },
    { id: 'AUT', name: 'Austria' },
  ],
  ...over,
})

describe('assembling the report to capital', () => {
  it('groups what happened by article in text order, positions after the start only', () => {
    const r = assembleReport(input())
    expect(r.sections.map((s) => s.heading)).toEqual([
      'Article 1 — Scope',
      'Article 2 — Definitions',
    ])
    const [art1, art2] = r.sections
    expect(art1?.edits).toMatchObject([
      {
        byName: 'Chair',
        insertedChars: 3,
        deletedChars: 1,
        cleaning: 'bracketed 2, cleaned 1 bracket',
      },
    ])
    const editLines = sectionLines(art1 as ReportSection).flatMap((b) =>
      b.kind === 'list' ? b.lines : [],
    )
    expect(editLines.join('\n')).toContain(
      'Chair bracketed 2, cleaned 1 bracket; edited the wording',
    )
    expect(art1?.proposals).toMatchObject([{ ref: 'P2', what: 'Rejected', synthetic: true }])
    expect(art2?.proposals).toMatchObject([{ ref: 'P1', what: 'Tabled', sponsors: ['France'] }])
    expect(art2?.positions.map((p) => p.actor)).toEqual(['Germany'])
    // Administration of members is not news for a capital.
    expect(JSON.stringify(r)).not.toContain('member-added')
    expect(r.synthetic).toBe(true)
    expect(r.counts).toEqual({ textChanges: 0, proposals: 2, positions: 1, edits: 1 })
  })

  it('narrows by article and by actor, and says what it cut', () => {
    const byArticle = assembleReport(input({ filter: { articles: ['art-2'], actors: [] } }))
    expect(byArticle.sections.map((s) => s.articleId)).toEqual(['art-2'])
    const byActor = assembleReport(
      input({ filter: { articles: [], actors: ['AUT'] }, eventsCut: true }),
    )
    expect(byActor.sections.flatMap((s) => s.proposals.map((p) => p.ref))).toEqual(['P2'])
    expect(byActor.sections.flatMap((s) => s.edits)).toEqual([])
    expect(byActor.cuts.join(' ')).toMatch(/Earlier events in the period are left out/)
  })

  it('marks synthetic items in every line it prints', () => {
    const r = assembleReport(input())
    expect(reportSummary(r).join('\n')).toContain('[Synthetic] were invented for the demo')
    const lines = r.sections.flatMap((s) =>
      sectionLines(s).flatMap((b) => (b.kind === 'list' ? b.lines : [])),
    )
    expect(lines.filter((l) => l.endsWith('[Synthetic]'))).toHaveLength(1)
  })
})

describe('provenance of positions in the report', () => {
  it('ends each position with where it comes from, a synthetic one with the mark', () => {
    const r = assembleReport(
      input({
        positions: [
          { ...position('p1', 'DEU', '2008-05-21T11:00:00.000Z'), provenance: 'reported' },
          position('p1', 'FRA', '2008-05-21T12:00:00.000Z', true),
          {
            ...position('p1', 'AUT', '2008-05-21T13:00:00.000Z'),
            source: '',
            record: 'delegation:AUT',
          },
        ],
      }),
    )
    const lines = r.sections.flatMap((s) =>
      sectionLines(s).flatMap((b) =>
        b.kind === 'list' && b.heading.startsWith('Positions') ? b.lines : [],
      ),
    )
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/Germany supports P1 “[^”]+” — Reported: plenary$/)
    expect(lines[1]).toMatch(/France supports P1 “[^”]+” \(plenary\) \[Synthetic\]$/)
    expect(lines[2]).toMatch(/Austria supports P1 “[^”]+” — Recorded by Delegation of Austria$/)
    expect(r.synthetic).toBe(true)
  })
})

describe('statements on issues in the report', () => {
  it('lists them under the issue’s first article, after the start only, with their provenance', () => {
    const statement = (actorId: string, recordedAt: string, issueId = 'iss-1') => ({
      id: `st-${actorId}`,
      negotiationId: 'ccm',
      target: { kind: 'issue' as const, issueId },
      actorId,
      stance: 'concerns' as const,
      roundId: null,
      date: null,
      source: 'CMC report',
      quote: '',
      provenance: 'reported' as const,
      record: 'secretariat' as const,
      published: true,
      publishedAt: null,
      recordedAt,
      recordedBy: 'x',
    })
    const r = assembleReport(
      input({
        positions: [],
        issues: [{ id: 'iss-1', title: 'Exemptions', articleIds: ['art-2'] }],
        statements: [
          statement('FRA', '2008-05-21T11:00:00.000Z'),
          statement('DEU', '2008-05-01T11:00:00.000Z'),
        ],
      }),
    )
    const art2 = r.sections.find((s) => s.articleId === 'art-2') as ReportSection
    const lines = sectionLines(art2).flatMap((b) =>
      b.kind === 'list' && b.heading.startsWith('Positions') ? b.lines : [],
    )
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /France has concerns about the issue “Exemptions” — Reported: CMC report$/,
    )
    const other = assembleReport(
      input({
        positions: [],
        filter: { articles: ['art-1'], actors: [] },
        issues: [{ id: 'iss-1', title: 'Exemptions', articleIds: ['art-2'] }],
        statements: [statement('FRA', '2008-05-21T11:00:00.000Z')],
      }),
    )
    expect(other.sections.flatMap((s) => s.positions)).toEqual([])
  })
})

describe('changed articles and the start of a report', () => {
  it('finds articles changed, added and deleted by id, and nothing else', () => {
    const before = treaty(
      article('art-1', article_title('Scope'), numbered_paragraph('Same words.')),
      article('art-2', article_title('Definitions'), numbered_paragraph('Old words.')),
      article('art-3', article_title('Gone'), numbered_paragraph('Bye.')),
    )
    const now = treaty(
      article('art-1', article_title('Scope'), numbered_paragraph('Same words.')),
      article('art-2', article_title('Definitions'), numbered_paragraph('New words.')),
      article('art-4', article_title('New'), numbered_paragraph('Hello.')),
    )
    expect(changedArticles(before, now).map((c) => [c.articleId, c.change])).toEqual([
      ['art-2', 'changed'],
      ['art-4', 'added'],
      ['art-3', 'deleted'],
    ])
  })

  it('reads since= as a time, the last visit or a round, and nothing else', () => {
    expect(parseSince('2008-05-20T18:00:00Z')).toEqual({
      kind: 'time',
      at: '2008-05-20T18:00:00.000Z',
    })
    expect(parseSince('last-visit')).toEqual({ kind: 'last-visit' })
    expect(parseSince('round:vienna-2007')).toEqual({ kind: 'round', roundId: 'vienna-2007' })
    for (const bad of ['yesterday', 'round:', 'round:../x', '2008-13-45T99:00:00Z', '']) {
      expect(parseSince(bad), bad).toBeNull()
    }
  })
})
