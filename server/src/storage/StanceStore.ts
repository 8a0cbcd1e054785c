import type {
  CampaignAction,
  Declaration,
  Endorsement,
  Issue,
  Paper,
  RoundCount,
  PaperVersion,
  Statement,
  TargetList,
  TreatyStatus,
} from '../../../shared/domain/stances/types'

/**
 * Who stands where (issue 12): issues, the statements every record holds, and briefing papers.
 * Reads return promises; writes go through `storage.atomically` with `IssueWrites`. The store
 * filters nothing by reader: the commands decide who may read a group's entries.
 */
export interface IssueStore {
  /** The issues of a negotiation, parents before children, siblings in order. */
  list(negotiationId: string): Promise<Issue[]>
  get(negotiationId: string, issueId: string): Promise<Issue | null>
  /**
   * Statements of a negotiation in the order recorded, `published`/`publishedAt` filled in; only
   * those of the given records when `records` is given.
   */
  listStatements(negotiationId: string, records?: readonly string[]): Promise<Statement[]>
  getStatement(negotiationId: string, statementId: string): Promise<Statement | null>
  /** How many entries one record holds in a negotiation. */
  countStatements(negotiationId: string, record: string): Promise<number>
  /** Papers of a negotiation (of one issue if given) with all their versions. */
  listPapers(negotiationId: string, issueId?: string): Promise<Paper[]>
  getPaper(negotiationId: string, paperId: string): Promise<Paper | null>
}

/** Writes of issues, statements and papers inside `storage.atomically` (await each). */
export interface IssueWrites {
  /** Inserts or replaces an issue. */
  putIssue(issue: Issue): Promise<void>
  /** Appends a statement (append-only; its `published` is read from publications). */
  addStatement(statement: Statement): Promise<void>
  /** A group publishes one entry of its record. */
  publishStatement(
    negotiationId: string,
    statementId: string,
    at: string,
    byName: string,
  ): Promise<void>
  /** Inserts or replaces a paper's row (its versions are appended with `addPaperVersion`). */
  putPaper(paper: Omit<Paper, 'versions'>): Promise<void>
  addPaperVersion(negotiationId: string, paperId: string, version: PaperVersion): Promise<void>
}

/** Outcome documents with their endorsements, and each state's treaty status. */
export interface DeclarationStore {
  list(negotiationId: string): Promise<Declaration[]>
  listEndorsements(negotiationId: string, declarationId?: string): Promise<Endorsement[]>
  listTreatyStatus(negotiationId: string): Promise<TreatyStatus[]>
  /** Counts of states per round as sources give them, in the order added. */
  listRoundCounts(negotiationId: string): Promise<RoundCount[]>
}

export interface DeclarationWrites {
  putDeclaration(declaration: Declaration): Promise<void>
  /** Inserts or replaces one actor's endorsement of a declaration. */
  putEndorsement(endorsement: Endorsement): Promise<void>
  removeEndorsement(negotiationId: string, declarationId: string, actorId: string): Promise<void>
  /** Replaces the treaty status of every state of a negotiation (an import), all or nothing. */
  replaceTreatyStatus(negotiationId: string, rows: readonly TreatyStatus[]): Promise<void>
  addRoundCount(count: RoundCount): Promise<void>
}

/** Campaign groups' target lists and actions: private to each group (the commands check). */
export interface CampaignStore {
  listTargets(negotiationId: string, groupId: string): Promise<TargetList[]>
  getTarget(negotiationId: string, groupId: string, listId: string): Promise<TargetList | null>
  /** A group's actions, newest first; of one actor if given. */
  listActions(negotiationId: string, groupId: string, actorId?: string): Promise<CampaignAction[]>
}

export interface CampaignWrites {
  putTarget(list: TargetList): Promise<void>
  removeTarget(negotiationId: string, groupId: string, listId: string): Promise<void>
  addAction(action: CampaignAction): Promise<void>
}
