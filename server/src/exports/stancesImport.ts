import { recordOwner } from '../../../shared/domain/stances/types'
import type {
  CampaignAction,
  Declaration,
  Endorsement,
  Issue,
  Paper,
  RoundCount,
  Statement,
  TargetList,
  TreatyStatus,
} from '../../../shared/domain/stances/types'
import { HttpError } from '../http/errors'
import type { StorageTransaction } from '../storage/Storage'
import type { NegotiationExport } from './negotiationFormat'

/** Who stands where as a file brings it, renamed to the negotiation it is imported as. */
export interface ImportedStances {
  issues: Issue[]
  statements: Statement[]
  papers: Paper[]
  declarations: Declaration[]
  endorsements: Endorsement[]
  roundCounts: RoundCount[]
  treatyStatus: TreatyStatus[]
  targetLists: TargetList[]
  campaignActions: CampaignAction[]
}

// Who published a group's entry is not kept apart from when; a restore says where it came from.
const RESTORED_BY = 'Restored from a backup'

const invalid = (message: string) => new HttpError(400, 'invalid_export', message)

/**
 * Reads who stands where from a file (none in a file of version 1) as records of negotiation
 * `id`, checking that everything they name is in the file: issues and proposals that statements
 * are on, parents of issues, the groups whose records, papers, lists and actions they are, the
 * declarations endorsed and the rounds counted. 400 `invalid_export` otherwise.
 */
export function stancesOf(
  data: NegotiationExport,
  id: string,
  proposalIds: ReadonlySet<string>,
): ImportedStances {
  const at = <T extends { negotiationId: string }>(list: readonly T[] | undefined): T[] =>
    (list ?? []).map((x) => ({ ...x, negotiationId: id }))
  const stances: ImportedStances = {
    issues: at(data.issues),
    statements: at(data.statements),
    papers: at(data.papers),
    declarations: at(data.declarations),
    endorsements: at(data.endorsements),
    roundCounts: at(data.roundCounts),
    treatyStatus: at(data.treatyStatus),
    targetLists: at(data.targetLists),
    campaignActions: at(data.campaignActions),
  }
  const issues = new Set(stances.issues.map((i) => i.id))
  const groups = new Set(data.groups.map((g) => g.id))
  const rounds = new Set(data.rounds.map((r) => r.id))
  const declarations = new Set(stances.declarations.map((d) => d.id))
  const group = (groupId: string, what: string) => {
    if (!groups.has(groupId))
      throw invalid(`${what} of a group the file does not have (${groupId})`)
  }
  for (const i of stances.issues) {
    if (i.parentId !== null && !issues.has(i.parentId)) {
      throw invalid(`issue ${i.id} has a parent the file does not have (${i.parentId})`)
    }
  }
  for (const s of stances.statements) {
    const known =
      s.target.kind === 'issue'
        ? issues.has(s.target.issueId)
        : proposalIds.has(s.target.proposalId)
    if (!known) throw invalid(`statement ${s.id} is on something the file does not have`)
    const owner = recordOwner(s.record)
    if (owner?.kind === 'group') group(owner.groupId, `statement ${s.id} is in the record`)
  }
  for (const p of stances.papers) {
    if (!issues.has(p.issueId)) throw invalid(`paper ${p.id} is on an issue the file does not have`)
    if (p.groupId !== null) group(p.groupId, `paper ${p.id} is`)
  }
  for (const e of stances.endorsements) {
    if (!declarations.has(e.declarationId)) {
      throw invalid(`an endorsement of a declaration the file does not have (${e.declarationId})`)
    }
  }
  for (const c of stances.roundCounts) {
    if (!rounds.has(c.roundId))
      throw invalid(`a count of a round the file does not have (${c.roundId})`)
  }
  for (const l of stances.targetLists) group(l.groupId, `target list ${l.id} is`)
  for (const a of stances.campaignActions) group(a.groupId, `campaign action ${a.id} is`)
  return stances
}

/** Writes who stands where in the import's transaction, publications and paper versions kept. */
export async function writeStances(
  tx: StorageTransaction,
  id: string,
  s: ImportedStances,
): Promise<void> {
  for (const i of s.issues) await tx.issues.putIssue(i)
  for (const statement of s.statements) {
    await tx.issues.addStatement(statement)
    // A group's entry it had published is published again, when it was.
    if (statement.record.startsWith('group:') && statement.publishedAt !== null) {
      await tx.issues.publishStatement(id, statement.id, statement.publishedAt, RESTORED_BY)
    }
  }
  for (const { versions, ...paper } of s.papers) {
    await tx.issues.putPaper(paper)
    for (const v of versions) await tx.issues.addPaperVersion(id, paper.id, v)
  }
  for (const d of s.declarations) await tx.declarations.putDeclaration(d)
  for (const e of s.endorsements) await tx.declarations.putEndorsement(e)
  for (const c of s.roundCounts) await tx.declarations.addRoundCount(c)
  if (s.treatyStatus.length > 0) await tx.declarations.replaceTreatyStatus(id, s.treatyStatus)
  for (const l of s.targetLists) await tx.campaign.putTarget(l)
  for (const a of s.campaignActions) await tx.campaign.addAction(a)
}
