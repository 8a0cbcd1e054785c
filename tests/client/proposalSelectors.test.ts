import { describe, expect, it } from 'vitest'
import type { Proposal, ProposalStatus } from '../../shared/domain/proposals'
import { describeParams } from '../../client/src/features/proposals/labels'
import { emptyParamsForm, paramsOf } from '../../client/src/features/proposals/paramsForm'
import {
  DEFAULT_FILTER,
  altLabels,
  byOpenThenTabled,
  filterProposals,
  openCounts,
  textProposals,
} from '../../client/src/features/proposals/selectors'

const proposal = (
  id: string,
  status: ProposalStatus,
  tabledSeq: number | null,
  extra: Partial<Proposal> = {},
): Proposal => ({
  id,
  negotiationId: 'ccm',
  params: { kind: 'replacement' },
  title: id,
  sponsors: ['DEU'],
  coSponsors: [],
  articleId: 'art-2',
  anchor: { start: {}, end: {}, quote: 'words' },
  wording: null,
  wordingText: `wording of ${id}`,
  rationale: '',
  status,
  tabledSeq,
  createdAt: '2007-12-05T10:00:00Z',
  createdBy: 'someone',
  history: [],
  ...extra,
})

describe('the proposal dialog’s parameters', () => {
  it('types the parameters of each kind, or says what is missing', () => {
    const form = emptyParamsForm('exemption')
    expect(paramsOf({ ...form, ratePercent: '1' })).toEqual({
      ok: true,
      params: { kind: 'exemption', subtype: 'failure-rate', ratePercent: 1 },
    })
    expect(paramsOf({ ...form, subtype: 'fewer-than-n-submunitions', n: '10' })).toEqual({
      ok: true,
      params: { kind: 'exemption', subtype: 'fewer-than-n-submunitions', n: 10 },
    })
    expect(paramsOf({ ...emptyParamsForm('transition-period'), years: '' })).toEqual({
      ok: false,
      reason: 'Say how many years.',
    })
    expect(
      paramsOf({ ...emptyParamsForm('deadline-change'), fromYears: '10', toYears: '5' }),
    ).toEqual({ ok: true, params: { kind: 'deadline-change', fromYears: 10, toYears: 5 } })
    expect(paramsOf({ ...form, ratePercent: '120' }).ok).toBe(false)
  })

  it('describes parameters in a few words', () => {
    expect(describeParams({ kind: 'exemption', subtype: 'failure-rate', ratePercent: 1 })).toBe(
      'Exemption · failure rate ≤ 1 %',
    )
    expect(describeParams({ kind: 'deadline-change', fromYears: 10, toYears: 5 })).toBe(
      'Deadline change · 10 → 5 years',
    )
    expect(describeParams({ kind: 'new-article' })).toBe('New article')
  })
})

describe('proposals as the outline, the text and the panel pick them', () => {
  const list = [
    proposal('a', 'tabled', 2),
    proposal('b', 'incorporated', 1),
    proposal('c', 'deferred', 3, { sponsors: ['FRA'], params: { kind: 'definition' } }),
    proposal('d', 'bracketed', 4, { articleId: 'art-3' }),
  ]

  it('counts open proposals per article; deferred and decided ones are not open', () => {
    expect([...openCounts(list)]).toEqual([
      ['art-2', 1],
      ['art-3', 1],
    ])
  })

  it('shows open and deferred proposals in the text, in tabled order, labelled by sponsors', () => {
    expect(textProposals(list).map((p) => [p.id, p.label, p.status])).toEqual([
      ['a', 'DEU', 'tabled'],
      ['c', 'FRA', 'deferred'],
      ['d', 'DEU', 'bracketed'],
    ])
  })

  it('labels proposals on overlapping words Alt 1, Alt 2 in tabled order', () => {
    const placements = new Map([
      ['a', { from: 10, to: 20 }],
      ['c', { from: 15, to: 30 }],
      ['d', null],
    ])
    expect([...altLabels(list, placements)]).toEqual([
      ['a', 'Alt 1'],
      ['c', 'Alt 2'],
    ])
  })

  it('filters by kind, status and sponsor, open ones first', () => {
    const ids = (ps: Proposal[]) => ps.map((p) => p.id)
    expect(ids(filterProposals(list, DEFAULT_FILTER).sort(byOpenThenTabled))).toEqual([
      'a',
      'c',
      'd',
      'b',
    ])
    expect(ids(filterProposals(list, { ...DEFAULT_FILTER, status: 'open' }))).toEqual([
      'a',
      'c',
      'd',
    ])
    expect(ids(filterProposals(list, { ...DEFAULT_FILTER, kind: 'definition' }))).toEqual(['c'])
    expect(ids(filterProposals(list, { ...DEFAULT_FILTER, sponsor: 'FRA' }))).toEqual(['c'])
  })
})
