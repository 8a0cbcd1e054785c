import { cleaningEditOf, describeCleaning } from '../../../../shared/domain/cleaningEdits'
import type { NegotiationEvent } from '../../../../shared/domain/events'
import type { Stance } from '../../../../shared/domain/proposals'
import { STATUS_LABELS } from '../proposals/labels'
import { nameOf, type ActorNames } from '../proposals/actorNames'
import { describeSessionEvent } from '../sessions/sessionWords'

const str = (value: unknown): string | null =>
  typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null

// A stance as a verb before what it is on: "supports “…”", "has concerns about “…”".
const STANCES_ON: Record<Stance, string> = {
  supports: 'supports',
  opposes: 'opposes',
  concerns: 'has concerns about',
  neutral: 'is neutral on',
}

const quoted = (title: string | null) => (title ? `“${title}”` : 'a proposal')

/** What the words of a status say ("under consultation"), or the value as it came. */
const statusWord = (value: unknown): string =>
  STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? str(value) ?? 'changed'

/**
 * What an event did, in a short phrase after its author: "tabled “Failure rate 1 %”",
 * "incorporated “…”", "closed the round, freezing “Vienna Discussion Text”".
 */
export function describeEvent(
  e: NegotiationEvent,
  proposalTitles: ReadonlyMap<string, string>,
  names: ActorNames,
): string {
  const d = e.data
  const title = str(d.title) ?? (e.proposalId ? (proposalTitles.get(e.proposalId) ?? null) : null)
  switch (e.type) {
    case 'proposal-created':
      return `drafted ${quoted(title)}`
    case 'proposal-tabled':
      return `tabled ${quoted(title)}`
    case 'proposal-withdrawn':
      return `withdrew ${quoted(title)}`
    case 'proposal-decided':
      return `${statusWord(d.to)} ${quoted(title)}${str(d.from) ? ` (was ${statusWord(d.from)})` : ''}`
    case 'proposal-reopened':
      return `reopened ${quoted(title)}`
    case 'position-recorded': {
      const who = e.actorId ? nameOf(names, e.actorId) : 'an actor'
      const stance = STANCES_ON[d.stance as Stance] ?? 'spoke on'
      return `recorded: ${who} ${stance} ${quoted(title)}`
    }
    case 'round-opened':
      return `opened ${str(d.name) ?? 'a round'}`
    case 'round-closed':
      return str(d.snapshotName)
        ? `closed the round, freezing the “${str(d.snapshotName)}”`
        : 'closed the round'
    case 'article-added':
      return `added the article${str(d.label ?? d.number) ? ` as Article ${str(d.label ?? d.number)}` : ''}`
    case 'article-moved':
      return str(d.fromLabel ?? d.fromNumber) && str(d.toLabel ?? d.toNumber)
        ? `moved the article from Article ${str(d.fromLabel ?? d.fromNumber)} to Article ${str(d.toLabel ?? d.toNumber)}`
        : 'moved the article'
    case 'article-renamed':
      return str(d.to) ? `renamed the article “${str(d.to)}”` : 'renamed the article'
    case 'article-deleted':
      return 'deleted the article'
    case 'text-edited': {
      const added = Number(d.insertedChars ?? 0)
      const removed = Number(d.deletedChars ?? 0)
      // The chair's cleaning first ("bracketed 2, cleaned 1 bracket"), then the characters.
      const cleaning = describeCleaning(cleaningEditOf(d))
      const wording = `edited the wording (+${added} / −${removed} characters)`
      if (!cleaning) return wording
      return added || removed ? `${cleaning}; ${wording}` : cleaning
    }
    case 'text-renumbered': {
      const n = Number(d.articles ?? 0)
      return `renumbered the text from order (${n} ${n === 1 ? 'article' : 'articles'} changed number)`
    }
    case 'issue-created':
    case 'issue-changed': {
      const verb = e.type === 'issue-created' ? 'named the issue' : 'changed the issue'
      return str(d.title) ? `${verb} “${str(d.title)}”` : verb
    }
    case 'statement-recorded':
    case 'statement-published': {
      const who = e.actorId ? nameOf(names, e.actorId) : 'an actor'
      const what =
        d.stance === 'statement'
          ? `${who} spoke on`
          : `${who} ${STANCES_ON[d.stance as Stance] ?? 'spoke on'}`
      const verb = e.type === 'statement-recorded' ? 'recorded' : 'published from its record'
      return `${verb}: ${what} ${title ? `“${title}”` : 'an issue'}`
    }
    case 'session-created':
    case 'session-changed':
    case 'session-opened':
    case 'session-reported':
    case 'session-text-applied':
    case 'session-text-left':
      // "applied the text from the Friends of the President on Article 2, 22 May to the main text"
      return describeSessionEvent(e.type, d) ?? e.type.replace(/-/g, ' ')
    default:
      return e.type.replace(/-/g, ' ')
  }
}
