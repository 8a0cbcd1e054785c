import {
  OPEN_STATUSES,
  groupAlternatives,
  type Proposal,
  type ProposalKind,
  type ProposalStatus,
} from '../../../../shared/domain/proposals'
import type { Placements, TextProposal } from '../../editor/proposalDecorations'
import { sponsorCodes } from './actorNames'

/** Statuses shown in the text: the open ones, and deferred ones (muted). */
export const SHOWN_IN_TEXT: readonly ProposalStatus[] = [...OPEN_STATUSES, 'deferred']

/** Whether a proposal is still open (tabled, bracketed, under consultation). */
export const isOpen = (p: Proposal): boolean => OPEN_STATUSES.includes(p.status)

/** Open proposals per article id, for the outline ("Art. 2 · 7 open"). */
export function openCounts(proposals: readonly Proposal[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const p of proposals) {
    if (isOpen(p) && p.articleId) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1)
  }
  return counts
}

/** The register's proposals as the text plugin shows them, in tabled order. */
export function textProposals(proposals: readonly Proposal[]): TextProposal[] {
  return proposals
    .filter((p) => SHOWN_IN_TEXT.includes(p.status))
    .sort((a, b) => (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0))
    .map((p) => ({
      id: p.id,
      tabledSeq: p.tabledSeq ?? 0,
      articleId: p.articleId,
      anchor: p.anchor,
      kind: p.params.kind,
      status: p.status,
      title: p.title,
      label: sponsorCodes(p),
      wording: p.wordingText,
    }))
}

/** "Alt 1", "Alt 2"… of the proposals that are alternatives on overlapping words, by id. */
export function altLabels(
  proposals: readonly Proposal[],
  placements: Placements,
): Map<string, string> {
  const items = proposals.flatMap((p) => {
    const at = placements.get(p.id)
    return at && SHOWN_IN_TEXT.includes(p.status)
      ? [{ id: p.id, tabledSeq: p.tabledSeq ?? 0, articleId: p.articleId, ...at }]
      : []
  })
  const labels = new Map<string, string>()
  for (const group of groupAlternatives(items)) {
    for (const { item, label } of group.members) if (label) labels.set(item.id, label)
  }
  return labels
}

/** What the article panel is filtered by ('' for any). */
export interface ProposalFilter {
  kind: ProposalKind | ''
  /** A status, 'open' (the default: open and deferred), or '' for all. */
  status: ProposalStatus | 'open' | ''
  sponsor: string
}

/** The default filter: every proposal of the article, whatever its kind, status and sponsor. */
export const DEFAULT_FILTER: ProposalFilter = { kind: '', status: '', sponsor: '' }

/** Open proposals first (as the text shows them), then decided ones, each in tabled order. */
export function byOpenThenTabled(a: Proposal, b: Proposal): number {
  const rank = (p: Proposal) => (SHOWN_IN_TEXT.includes(p.status) ? 0 : 1)
  return rank(a) - rank(b) || (a.tabledSeq ?? 0) - (b.tabledSeq ?? 0)
}

/** The proposals that pass a filter. */
export function filterProposals(list: readonly Proposal[], f: ProposalFilter): Proposal[] {
  return list.filter(
    (p) =>
      (!f.kind || p.params.kind === f.kind) &&
      (f.status === '' ||
        (f.status === 'open' ? SHOWN_IN_TEXT.includes(p.status) : p.status === f.status)) &&
      (!f.sponsor || p.sponsors.includes(f.sponsor) || p.coSponsors.includes(f.sponsor)),
  )
}
