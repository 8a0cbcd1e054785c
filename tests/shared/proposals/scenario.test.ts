import { readFileSync } from 'node:fs'
import countries from 'world-countries'
import { describe, expect, it } from 'vitest'
import { parseTreatyText } from '../../../shared/domain/importText'
import { effectiveRole, type Principal } from '../../../shared/domain/policy'
import { groupAlternatives } from '../../../shared/domain/proposals/alternatives'
import { incorporate } from '../../../shared/domain/proposals/incorporate'
import { transition, type LifecycleCommand } from '../../../shared/domain/proposals/lifecycle'
import {
  resolveQuote,
  scenarioProposal,
  ScenarioProposalsSchema,
  wordingDoc,
} from '../../../shared/domain/proposals/scenario'
import type { ProposalStatus, StatusChange } from '../../../shared/domain/proposals/types'
import { ScenarioSchema } from '../../../shared/domain/rounds'
import { wordingSchema } from '../../../shared/schema'
import {
  article,
  article_title,
  numbered_paragraph,
  paragraph,
  treaty,
} from '../../support/builders'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8')

describe('resolveQuote', () => {
  const d = treaty(
    article('art-1', article_title('Scope of use'), paragraph('Each use is banned.')),
    article('art-2', article_title('Use'), numbered_paragraph('One use.'), paragraph('Two uses.')),
  )

  it('finds unique words of an article, also across clauses', () => {
    const r = resolveQuote(d, 'art-2', 'One use')
    expect(r && d.textBetween(r.from, r.to)).toBe('One use')
    const across = resolveQuote(d, 'art-2', 'use.\nTwo')
    expect(across && d.textBetween(across.from, across.to, '\n')).toBe('use.\nTwo')
  })

  it('finds nothing that is missing, repeated, in the title or in another article', () => {
    expect(resolveQuote(d, 'art-2', 'Three')).toBeNull()
    expect(resolveQuote(d, 'art-2', 'use')).toBeNull()
    expect(resolveQuote(d, 'art-2', 'Use')).toBeNull()
    expect(resolveQuote(d, 'art-2', 'banned')).toBeNull()
    expect(resolveQuote(d, 'art-9', 'One')).toBeNull()
    expect(resolveQuote(d, 'art-2', '\nTwo')).toBeNull()
  })
})

describe('fixtures/vienna-proposals.json', () => {
  const scenario = ScenarioProposalsSchema.parse(JSON.parse(fixture('vienna-proposals.json')))
  const rounds = ScenarioSchema.parse(JSON.parse(fixture('oslo-process-rounds.json')))
  const roundIds = rounds.rounds.map((r) => r.id)
  const parsed = parseTreatyText(fixture(rounds.negotiation.text))
  if (!parsed.ok) throw new Error(parsed.error.message)
  const ccm = parsed.doc
  const orgs = (
    JSON.parse(fixture('organisations.json')) as { organisations: { id: string }[] }
  ).organisations.map((o) => o.id)
  const catalogue = new Set([...countries.map((c) => c.cca3), ...orgs])
  const { proposals, positions } = scenario

  it('belongs to the demo negotiation and has unique ids', () => {
    expect(scenario.negotiationId).toBe(rounds.negotiation.id)
    expect(new Set(proposals.map((p) => p.id)).size).toBe(proposals.length)
    expect(new Set(positions.map((p) => p.id)).size).toBe(positions.length)
  })

  it('anchors every proposal by words found exactly once in its article of the CCM', () => {
    for (const p of proposals) {
      expect(p.articleId, p.id).toBe(p.articleNumber === null ? null : `art-${p.articleNumber}`)
      if (p.params.kind === 'new-article') {
        expect(p.quote, p.id).toBeNull()
        continue
      }
      const quote = p.quote as string
      const r = resolveQuote(ccm, p.articleId as string, quote)
      expect(r, `${p.id}: "${quote}"`).not.toBeNull()
      if (r) expect(ccm.textBetween(r.from, r.to, '\n')).toBe(quote)
    }
  })

  it('names only actors of the catalogue and rounds of the negotiation', () => {
    const actors = [
      ...proposals.flatMap((p) => [...p.sponsors, ...p.coSponsors]),
      ...proposals.flatMap((p) => p.history.flatMap((h) => (h.actorId ? [h.actorId] : []))),
      ...positions.map((p) => p.actorId),
    ]
    expect(actors.filter((a) => !catalogue.has(a))).toEqual([])
    const rounds = [
      ...proposals.flatMap((p) => p.history.flatMap((h) => [h.roundId, h.deferredTo ?? null])),
      ...positions.map((p) => p.roundId),
    ].filter((r) => r !== null)
    expect(rounds.filter((r) => !roundIds.includes(r))).toEqual([])
    const ids = new Set(proposals.map((p) => p.id))
    expect(positions.filter((p) => !ids.has(p.proposalId))).toEqual([])
  })

  it('has histories that are legal steps of the lifecycle, by the right people, in order', () => {
    const asPrincipal = (h: { actorId: string | null }): Principal =>
      h.actorId === null
        ? { accountId: 'demo-chair', isAdmin: false, membership: { role: 'chair' } }
        : {
            accountId: 'demo',
            isAdmin: false,
            membership: { role: 'delegate', actorId: h.actorId },
          }
    const commandFor = (from: ProposalStatus, h: { to: ProposalStatus; deferredTo?: string }) =>
      (
        ({
          tabled: from === 'deferred' ? { type: 'reopen' } : { type: 'table' },
          bracketed: { type: 'bracket' },
          'under-consultation': { type: 'consult' },
          incorporated: { type: 'incorporate' },
          rejected: { type: 'reject' },
          withdrawn: { type: 'withdraw' },
          deferred: { type: 'defer', roundId: h.deferredTo ?? '' },
        }) as Partial<Record<ProposalStatus, LifecycleCommand>>
      )[h.to] ?? null

    for (const p of proposals) {
      const [created, ...steps] = p.history
      expect(created, p.id).toMatchObject({ from: null, to: 'draft', at: p.createdAt })
      const history: StatusChange[] = []
      let status: ProposalStatus = 'draft'
      for (const h of steps) {
        expect(h.from, p.id).toBe(status)
        const command = commandFor(status, h)
        expect(command, `${p.id}: ${status} → ${h.to}`).not.toBeNull()
        const principal = asPrincipal(h)
        const result = transition({ ...p, status, history }, command as LifecycleCommand, {
          principal,
          byName: h.byName,
          at: h.at,
          roundId: h.roundId,
          knownRounds: roundIds,
        })
        expect(result, `${p.id}: ${status} → ${h.to}`).toMatchObject({ ok: true, status: h.to })
        if (!result.ok) break
        expect(effectiveRole(principal) === 'chair' ? null : h.actorId).toBe(result.change.actorId)
        history.push(result.change)
        status = h.to
      }
      const times = p.history.map((h) => h.at)
      expect([...times].sort(), p.id).toEqual(times)
    }
  })

  it('numbers proposals in the order they were tabled', () => {
    const tabledAt = (p: (typeof proposals)[number]) =>
      p.history.find((h) => h.to === 'tabled')?.at ?? ''
    const bySeq = [...proposals].sort((a, b) => (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0))
    expect(bySeq.map((p) => p.tabledSeq)).toEqual(proposals.map((_, i) => i + 1))
    const times = bySeq.map(tabledAt)
    expect([...times].sort()).toEqual(times)
  })

  it('has wording the schema takes and the text accepts', () => {
    for (const p of proposals) {
      const w = p.wording ? wordingDoc(p.wording) : null
      if (w) expect(wordingSchema.nodeFromJSON(w.toJSON()).eq(w)).toBe(true)
      const range = p.quote ? resolveQuote(ccm, p.articleId as string, p.quote) : null
      const result = incorporate(ccm, p, range, w, { newArticleId: 'art-new' })
      expect(result.ok, p.id).toBe(true)
    }
  })

  it('shows alternatives on Article 2', () => {
    const items = proposals
      .filter((p) => p.articleId === 'art-2' && p.quote)
      .map((p) => ({
        id: p.id,
        tabledSeq: p.tabledSeq as number,
        ...(resolveQuote(ccm, 'art-2', p.quote as string) as { from: number; to: number }),
      }))
    const groups = groupAlternatives(items).filter((g) => g.members.length > 1)
    expect(groups.length).toBeGreaterThanOrEqual(1)
  })

  it('keeps the report’s positions out of the register file, and marks what the demo packaged', () => {
    // Positions come from the report's table (fixtures/vienna-report/positions.json); any left
    // here are the demo's own and must say so.
    expect(positions.every((p) => p.synthetic)).toBe(true)
    // Only Germany's phase-out is a proposal the report records as tabled.
    expect(proposals.filter((p) => !p.synthetic).map((p) => p.id)).toEqual(['p-deu-phase-out'])
    expect(proposals.find((p) => p.id === 'p-deu-phase-out')?.params.kind).toBe('new-article')
    // The Vienna text already said 5 and 6 years: no proposal runs the other way.
    expect(proposals.filter((p) => p.params.kind === 'deadline-change')).toEqual([])
    // No state is paired with an exemption ground it never claimed, except on synthetic proposals.
    const exempting = proposals.filter((p) => p.params.kind === 'exemption')
    expect(exempting.every((p) => p.synthetic && /demo/.test(p.source))).toBe(true)
  })

  it('turns into register proposals whose status is the end of their history', () => {
    const statuses = proposals.map((p) => {
      const r = scenarioProposal(p, { negotiationId: 'ccm', anchor: null, accountId: 'demo' })
      expect(r.status).toBe(p.history.at(-1)?.to)
      expect(r.history.every((h) => h.byAccountId === 'demo' && !('synthetic' in h))).toBe(true)
      return r.status
    })
    for (const s of ['bracketed', 'under-consultation', 'rejected', 'tabled'] as const) {
      expect(statuses).toContain(s)
    }
    expect(
      proposals.every((p) =>
        p.history.some((h) => h.to === 'tabled' && h.roundId === 'vienna-2007'),
      ),
    ).toBe(true)
  })
})
