import type { Issue, Statement } from '../../shared/domain/stances/types'

/** An issue of negotiation `n`, reported, with no links unless given. */
export const anIssue = (id: string, over: Partial<Issue> = {}): Issue => ({
  id,
  negotiationId: 'n',
  parentId: null,
  title: id,
  description: '',
  articleIds: [],
  bracketIds: [],
  proposalIds: [],
  order: 0,
  source: '',
  provenance: 'reported',
  createdAt: '2007-12-01T00:00:00Z',
  ...over,
})

/**
 * A maker of statements: each one the secretariat's, reported, in round `vienna`, on the issue
 * given, recorded a second after the one before (so a later one supersedes), unless told.
 */
export function statementMaker(issueId: string, source = 'CMC Vienna report') {
  let seq = 0
  return (over: Partial<Statement> & Pick<Statement, 'actorId' | 'stance'>): Statement => {
    seq++
    const at = new Date(Date.UTC(2007, 11, 5) + seq * 1000).toISOString()
    return {
      id: `s${String(seq).padStart(3, '0')}`,
      negotiationId: 'n',
      target: { kind: 'issue', issueId },
      roundId: 'vienna',
      date: null,
      source,
      quote: '',
      provenance: 'reported',
      record: 'secretariat',
      published: true,
      publishedAt: null,
      recordedAt: at.replace('.000Z', 'Z'),
      recordedBy: 'x',
      ...over,
    }
  }
}
