import { guardFormula, writeCsv } from '../csv'
import {
  currentStatements,
  PROVENANCE_LABELS,
  recordLabel,
  STATEMENT_STANCE_LABELS,
} from '../stances/statements'
import type { Issue, Statement } from '../stances/types'

/** The columns of the positions export, in order. */
export const POSITIONS_CSV_COLUMNS = [
  'actor id',
  'actor',
  'target kind',
  'target id',
  'target',
  'target provenance',
  'article',
  'stance',
  'round',
  'date',
  'source',
  'quote',
  'provenance',
  'record',
  'published',
  'current',
] as const

/** What the positions export needs to name things. */
export interface PositionsCsvNames {
  actors: ReadonlyArray<{ id: string; name: string }>
  rounds: ReadonlyArray<{ id: string; name: string }>
  issues: ReadonlyArray<Pick<Issue, 'id' | 'title' | 'articleIds' | 'provenance'>>
  proposals: ReadonlyArray<{
    id: string
    title: string
    articleId: string | null
    synthetic?: boolean
  }>
  /** The articles of the current text: "Article 2 bis" from the id. */
  articles: ReadonlyArray<{ id: string; label: string }>
  groups: ReadonlyArray<{ id: string; name: string }>
}

/**
 * Who said what as CSV, one row per entry the reader may see (the caller has cut `statements`
 * down to those): positions on proposals and statements on issues, every record's and
 * superseded ones too (`current` says which hold), each with its provenance and record, and
 * the provenance of what it is on (an issue's; "Synthetic" for an invented proposal). Free
 * text is guarded against spreadsheet formulas; a byte-order mark leads, so that spreadsheets
 * read the file as UTF-8.
 */
export function positionsCsv(statements: readonly Statement[], names: PositionsCsvNames): string {
  const lookup = (list: ReadonlyArray<{ id: string; name: string }>) => {
    const map = new Map(list.map((x) => [x.id, x.name]))
    return (id: string) => map.get(id) ?? id
  }
  const actorName = lookup(names.actors)
  const roundName = lookup(names.rounds)
  const groupName = lookup(names.groups)
  const articleLabel = (id: string) => {
    const a = names.articles.find((x) => x.id === id)
    return a ? `Article ${a.label}` : id
  }
  const issues = new Map(names.issues.map((i) => [i.id, i]))
  const proposals = new Map(names.proposals.map((p) => [p.id, p]))
  const current = new Set(currentStatements(statements).map((s) => s.id))

  const target = (s: Statement) => {
    if (s.target.kind === 'issue') {
      const issue = issues.get(s.target.issueId)
      return {
        id: s.target.issueId,
        title: issue?.title ?? s.target.issueId,
        provenance: issue ? PROVENANCE_LABELS[issue.provenance] : '',
        article: (issue?.articleIds ?? []).map(articleLabel).join('; '),
      }
    }
    const p = proposals.get(s.target.proposalId)
    return {
      id: s.target.proposalId,
      title: p?.title ?? s.target.proposalId,
      provenance: p?.synthetic ? PROVENANCE_LABELS.synthetic : '',
      article: p?.articleId ? articleLabel(p.articleId) : '',
    }
  }
  const rows = statements.map((s) => ({ s, t: target(s), actor: actorName(s.actorId) }))
  rows.sort(
    (a, b) =>
      a.s.target.kind.localeCompare(b.s.target.kind) ||
      a.t.title.localeCompare(b.t.title) ||
      a.actor.localeCompare(b.actor) ||
      a.s.recordedAt.localeCompare(b.s.recordedAt) ||
      a.s.id.localeCompare(b.s.id),
  )
  const body = rows.map(({ s, t, actor }) =>
    [
      s.actorId,
      actor,
      s.target.kind,
      t.id,
      t.title,
      t.provenance,
      t.article,
      STATEMENT_STANCE_LABELS[s.stance],
      s.roundId ? roundName(s.roundId) : '',
      s.date ?? '',
      s.source,
      s.quote,
      PROVENANCE_LABELS[s.provenance],
      recordLabel(s.record, { actor: actorName, group: groupName }),
      s.published ? 'yes' : 'no',
      current.has(s.id) ? 'yes' : 'no',
    ].map(guardFormula),
  )
  return '\uFEFF' + writeCsv([[...POSITIONS_CSV_COLUMNS], ...body])
}
