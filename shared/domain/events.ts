/** What happened, as the append-only event log records it (../shared/DESIGN.md, "Event"). */
export const EVENT_TYPES = [
  'proposal-created',
  'proposal-tabled',
  'proposal-withdrawn',
  'proposal-decided',
  'proposal-reopened',
  'position-recorded',
  'round-opened',
  'round-closed',
  'article-added',
  'article-moved',
  'article-renamed',
  'article-deleted',
  'text-edited',
  // The chair replaced the text with a revised one, imported as the next round's.
  'text-imported',
  'text-renumbered',
  'member-added',
  'member-changed',
  'member-removed',
  'participant-changed',
  // Who stands where (issue 12): the chair names or changes an issue; a public record gains an
  // entry, or a group publishes one of its record (a group's private entries make no event).
  'issue-created',
  'issue-changed',
  'statement-recorded',
  'statement-published',
  // An actor endorses an outcome document, or its endorsement is withdrawn; the chair imports
  // the depositary's treaty status (a campaign group's target lists and actions make no event).
  'declaration-endorsed',
  'endorsement-withdrawn',
  'treaty-status-imported',
  // Many hands (issue 13): the chair creates, changes and opens a session (its text copied from
  // the main text), its facilitators report it back, and the chair applies or leaves each of its
  // articles (`data`: sessionId, sessionName, kind; an applied article's event carries the
  // article); a coalition's membership list for a round changes.
  'session-created',
  'session-changed',
  'session-opened',
  'session-reported',
  'session-text-applied',
  'session-text-left',
  'coalition-members-changed',
] as const
/** A kind of event. */
export type EventType = (typeof EVENT_TYPES)[number]

/**
 * One entry of a negotiation's history: who (account and display name), for which actor, when,
 * in which round, what, and on which article and proposal if any. Never rewritten.
 */
export interface NegotiationEvent {
  /** Order of the log, increasing. */
  seq: number
  negotiationId: string
  type: EventType
  at: string
  accountId: string | null
  byName: string
  actorId: string | null
  roundId: string | null
  articleId: string | null
  proposalId: string | null
  /** Type-specific details, e.g. {from, to} of a decision, {insertedChars, deletedChars} of edits. */
  data: Record<string, unknown>
}

/** A round's frozen text: the whole treaty as it stood when the chair closed the round. */
export interface RoundSnapshot {
  roundId: string
  /** The name people cite ("Vienna Discussion Text"). */
  name: string
  closedAt: string
  closedBy: string
  /** ProseMirror JSON of the text (treatySchema). */
  doc: unknown
  synthetic?: boolean
}

/** An event as a command hands it to the log, before the log numbers it. */
export type NewEvent = Omit<NegotiationEvent, 'seq'>

/** Which events to read from a negotiation's log; every field narrows, all optional. */
export interface EventFilter {
  articleId?: string
  proposalId?: string
  /** Events for this actor (`actorId`), e.g. a delegation's. */
  actorId?: string
  types?: readonly EventType[]
  /** Only events after this `seq`, for paging and polling. */
  afterSeq?: number
  /** Only events before this `seq`, for paging back from the newest. */
  beforeSeq?: number
  /** Newest first (with `limit`: the newest events), rather than in log order. */
  newestFirst?: boolean
  limit?: number
}
