import fs from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'
import type { Position } from '../../../shared/domain/proposals/types'
import {
  DeclarationsFileSchema,
  ReportIssuesFileSchema,
  ReportPositionsFileSchema,
  ReportTargetsFileSchema,
  reportPositionSource,
} from '../../../shared/domain/stances/demoSchema'
import {
  parseTreatyStatusCsv,
  untcNameResolver,
} from '../../../shared/domain/stances/treatyStatusCsv'
import type {
  Declaration,
  Endorsement,
  Issue,
  RoundCount,
  Statement,
  TargetList,
  TreatyStatus,
} from '../../../shared/domain/stances/types'
import { isKnownActor, listActors } from '../actors/catalogue'
import type { StorageTransaction } from '../storage/Storage'
import { fixturePath } from '../paths'

const FIXTURES = fixturePath()

/** The demo's files on who stands where (fixtures/README.md says where each fact comes from). */
export interface DemoStanceFiles {
  issues: string
  positions: string
  targets: string
  declarations: string
  treatyStatus: string
}

export const DEMO_STANCE_FILES: DemoStanceFiles = {
  issues: path.join(FIXTURES, 'vienna-report/issues.json'),
  positions: path.join(FIXTURES, 'vienna-report/positions.json'),
  targets: path.join(FIXTURES, 'vienna-report/targets.json'),
  declarations: path.join(FIXTURES, 'declarations.json'),
  treatyStatus: path.join(FIXTURES, 'ccm-status-untc-partial.csv'),
}

/** Who the demo's statements name as having recorded them. */
export const DEMO_STATEMENT_RECORDER = 'Secretariat (from the CMC report on Vienna)'

/** What the files' entries may name: the negotiation's rounds, proposals and articles. */
export interface DemoStanceContext {
  negotiationId: string
  roundIds: readonly string[]
  proposalIds: readonly string[]
  articleIds: readonly string[]
  /** The account id positions on proposals name as who recorded them. */
  recorder: string
  /** When the demo is loaded: the time its records are made. */
  now: string
}

/** Everything on who stands where the demo writes, every entry from a cited source. */
export interface DemoStances {
  issues: Issue[]
  statements: Statement[]
  /** The report's positions on proposals (Germany's), kept as positions for the register. */
  positions: Position[]
  targetLists: TargetList[]
  declarations: Declaration[]
  endorsements: Endorsement[]
  roundCounts: RoundCount[]
  treatyStatus: TreatyStatus[]
}

// The demo's entries are recorded as of the conference (a position on a proposal is dated by its
// recordedAt, see statementOfPosition); the report gives its days, 5-7 December 2007, not the
// session's, so the first day stands for them (illustrative, as fixtures/README.md says).
const VIENNA_POSITION_TIME = '2007-12-05T12:30:00Z'

/**
 * Reads and checks the demo's issues, the report's attributed positions, the CMC's target lists,
 * the declarations with their counts and the UNTC treaty status. Throws, naming the file, when
 * one is malformed or names an actor, round, issue, proposal or article that does not exist, so
 * that the demo loads all of it or nothing.
 */
export function readDemoStances(
  ctx: DemoStanceContext,
  files: DemoStanceFiles = DEMO_STANCE_FILES,
): DemoStances {
  const problems: string[] = []
  const check = (file: string, ok: boolean, what: string) => {
    if (!ok) problems.push(`${file}: ${what}`)
  }
  const known = (ids: readonly string[]) => new Set(ids)
  const rounds = known(ctx.roundIds)
  const proposals = known(ctx.proposalIds)
  const articles = known(ctx.articleIds)
  const { negotiationId, now } = ctx

  const issueFile = readJson(files.issues, ReportIssuesFileSchema)
  const issueIds = known(issueFile.issues.map((i) => i.id))
  const siblings = new Map<string | null, number>()
  const issues = issueFile.issues.map((i): Issue => {
    for (const a of i.articleIds) check(files.issues, articles.has(a), `${i.id}: no article ${a}`)
    for (const p of i.proposalIds)
      check(files.issues, proposals.has(p), `${i.id}: no proposal ${p}`)
    const order = siblings.get(i.parentId) ?? 0
    siblings.set(i.parentId, order + 1)
    return {
      ...i,
      negotiationId,
      bracketIds: [],
      order,
      provenance: 'reported',
      createdAt: now,
    }
  })

  const positionFile = readJson(files.positions, ReportPositionsFileSchema)
  const statements: Statement[] = []
  const positions: Position[] = []
  for (const p of positionFile.positions) {
    const where = `${files.positions} (${p.id})`
    check(where, isKnownActor(p.actorId), `no actor ${p.actorId}`)
    check(where, rounds.has(p.roundId), `no round ${p.roundId}`)
    const source = reportPositionSource(positionFile, p)
    if (p.issueId !== null) {
      check(where, issueIds.has(p.issueId), `no issue ${p.issueId}`)
      statements.push({
        id: `vr-${p.id}`,
        negotiationId,
        target: { kind: 'issue', issueId: p.issueId },
        actorId: p.actorId,
        stance: p.stance,
        roundId: p.roundId,
        date: null,
        source,
        quote: p.quote,
        provenance: 'reported',
        record: 'secretariat',
        published: true,
        publishedAt: null,
        // As if recorded at the conference: a report to capital started after it does not list
        // the report's positions as news of the day the demo was loaded.
        recordedAt: VIENNA_POSITION_TIME,
        recordedBy: DEMO_STATEMENT_RECORDER,
      })
    }
    if (p.proposalId !== undefined && p.stance !== 'statement') {
      check(where, proposals.has(p.proposalId), `no proposal ${p.proposalId}`)
      positions.push({
        id: `pos-vr-${p.id}`,
        proposalId: p.proposalId,
        actorId: p.actorId,
        stance: p.stance,
        roundId: p.roundId,
        source,
        quote: p.quote,
        recordedAt: VIENNA_POSITION_TIME,
        recordedBy: ctx.recorder,
        provenance: 'reported',
        record: 'secretariat',
      })
    }
  }

  const targetFile = readJson(files.targets, ReportTargetsFileSchema)
  const targetLists = targetFile.lists.map((l): TargetList => {
    for (const s of l.states)
      check(files.targets, isKnownActor(s.actorId), `no actor ${s.actorId} (${s.name})`)
    return {
      id: l.id,
      negotiationId,
      groupId: targetFile.groupId,
      name: l.name,
      description: l.description,
      source: l.source,
      provenance: 'reported',
      actorIds: l.states.map((s) => s.actorId),
    }
  })

  const declarationFile = readJson(files.declarations, DeclarationsFileSchema)
  const declarations = declarationFile.declarations.map((d): Declaration => {
    check(files.declarations, d.roundId === null || rounds.has(d.roundId), `no round ${d.roundId}`)
    return { ...d, negotiationId }
  })
  const endorsements = declarationFile.endorsements.map((e): Endorsement => {
    check(files.declarations, isKnownActor(e.actorId), `no actor ${e.actorId}`)
    return { ...e, negotiationId, provenance: 'reported' }
  })
  const roundCounts = declarationFile.roundCounts.map((c): RoundCount => {
    check(files.declarations, rounds.has(c.roundId), `no round ${c.roundId}`)
    return { ...c, negotiationId }
  })

  const treatyStatus = readTreatyStatus(files.treatyStatus, negotiationId, problems)
  if (problems.length > 0)
    throw new Error(`the demo's stances do not load:\n${problems.join('\n')}`)
  return {
    issues,
    statements,
    positions,
    targetLists,
    declarations,
    endorsements,
    roundCounts,
    treatyStatus,
  }
}

/** Writes the demo's issues, statements, target lists, declarations and treaty status in a transaction. */
export async function writeDemoStances(tx: StorageTransaction, demo: DemoStances): Promise<void> {
  for (const i of demo.issues) await tx.issues.putIssue(i)
  for (const s of demo.statements) await tx.issues.addStatement(s)
  for (const l of demo.targetLists) await tx.campaign.putTarget(l)
  for (const d of demo.declarations) await tx.declarations.putDeclaration(d)
  for (const e of demo.endorsements) await tx.declarations.putEndorsement(e)
  for (const c of demo.roundCounts) await tx.declarations.addRoundCount(c)
  const first = demo.treatyStatus[0]
  if (first) await tx.declarations.replaceTreatyStatus(first.negotiationId, demo.treatyStatus)
}

function readJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`${file}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'malformed'}`)
  }
  return parsed.data
}

// The UNTC CSV's first line is "# Source: <url> (<what it is>) ...": each row's source is the
// address with what it is.
function readTreatyStatus(file: string, negotiationId: string, problems: string[]): TreatyStatus[] {
  const text = fs.readFileSync(file, 'utf8')
  const cited = /^#\s*Source:\s*(\S+\s*\([^)]*\))/m.exec(text)?.[1]?.trim() ?? ''
  // The actors table says "not in the partial UNTC list" for a state a partial file leaves out.
  const partial = /^#\s*Source:.*\bPARTIAL\b/m.test(text) ? ' PARTIAL list.' : ''
  const source = cited && `${cited}${partial}`
  if (source === '' || source.length > 300)
    problems.push(`${file}: no short "# Source: <url> (...)" line`)
  const parsed = parseTreatyStatusCsv(text, untcNameResolver(listActors()), source)
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    throw new Error(`${file}:${line}:${column}: ${message}`)
  }
  for (const u of parsed.unmatched)
    problems.push(`${file}:${u.line}: no state is named "${u.name}"`)
  return parsed.rows.map((r) => ({ ...r, negotiationId }))
}
