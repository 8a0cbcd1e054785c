import fs from 'node:fs'
import * as Y from 'yjs'
import { STORAGE_ORIGIN, roomName } from '../../../shared/collab'
import { DELEGATION_PREFIX, delegationGroupId } from '../../../shared/domain/groups'
import { ManyHandsDemoSchema, type ManyHandsDemo } from '../../../shared/domain/manyHandsDemo'
import { resolveQuote } from '../../../shared/domain/proposals/scenario'
import {
  NOTES_ANNOTATIONS,
  type Annotation,
  type Reply,
} from '../../../shared/domain/annotations/types'
import { makeAnchor, textView } from '../proposals/anchors'
import type { StorageTransaction } from '../storage/Storage'
import type { DemoAccounts } from './demoAccounts'
import { fixturePath } from '../paths'

/** The demo's many hands (issue 13): the core group, a session on Article 2, France's notes. */
export const DEMO_MANY_HANDS = fixturePath('many-hands.json')

/** What the file's entries may name: the demo's text, participants, rounds, issues, accounts. */
export interface ManyHandsContext {
  negotiationId: string
  /** The text room's state (one update) the notes are anchored in. */
  textUpdate: Uint8Array
  participantIds: readonly string[]
  roundIds: readonly string[]
  issueIds: readonly string[]
  accounts: DemoAccounts
}

/** A note of the file with its anchor in the text. */
export type PreparedNote = ManyHandsDemo['notes'][number] & { anchor: Annotation['anchor'] }

/** The file, checked against its context, with its notes anchored. */
export interface ManyHandsPrepared {
  demo: ManyHandsDemo
  notes: PreparedNote[]
}

// The actor of a delegation group id: `delegation-fra` → FRA (room keys are lower case).
const actorOfDelegation = (groupId: string) => groupId.slice(DELEGATION_PREFIX.length).toUpperCase()

/**
 * Reads and checks fixtures/many-hands.json: a coalition's members are participants of the
 * demo (an actor no participant row has is refused, not invented), its rounds exist; a
 * session's facilitators and accounts are demo accounts, its articles are in the text and its
 * issues exist, its attending actors are participants; a note is on words found once in its
 * article, in the notes room of a participant's delegation, written by a delegate of that actor.
 * Throws, naming the file, on the first file that fails, so that the demo stores nothing.
 */
export function readManyHandsDemo(file: string, ctx: ManyHandsContext): ManyHandsPrepared {
  const parsed = ManyHandsDemoSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`)
  const demo = parsed.data
  const problems: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what)
  }
  check(demo.negotiationId === ctx.negotiationId, `is for "${demo.negotiationId}"`)
  const participants = new Set(ctx.participantIds)
  const rounds = new Set(ctx.roundIds)
  const issues = new Set(ctx.issueIds)
  const people = new Map(ctx.accounts.accounts.map((a) => [a.username, a]))

  for (const c of demo.coalitions) {
    for (const m of c.memberships) {
      check(m.roundId === null || rounds.has(m.roundId), `${c.id}: no round ${m.roundId}`)
      for (const a of m.actorIds) {
        check(participants.has(a), `${c.id}: ${a} is not a participant of the demo`)
      }
    }
  }

  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, ctx.textUpdate, STORAGE_ORIGIN)
    const view = textView(ydoc)
    const articles = new Set<string>()
    view.doc.forEach((node) => {
      if (node.type.name === 'article') articles.add(String(node.attrs.id))
    })
    for (const s of demo.sessions) {
      for (const u of [...s.facilitators, ...s.attendeeUsernames]) {
        check(people.has(u), `${s.id}: no demo account ${u}`)
      }
      for (const a of s.articleIds) check(articles.has(a), `${s.id}: no article ${a}`)
      for (const i of s.issueIds) check(issues.has(i), `${s.id}: no issue ${i}`)
      for (const a of s.attendeeActorIds) {
        check(participants.has(a), `${s.id}: ${a} is not a participant of the demo`)
      }
    }
    if (demo.sessions.length > 0) {
      check(
        ctx.accounts.accounts.some((a) => a.role === 'chair'),
        'a session needs a chair account to create it',
      )
    }
    const notes: PreparedNote[] = []
    for (const n of demo.notes) {
      const actor = actorOfDelegation(n.groupId)
      check(delegationGroupId(actor) === n.groupId, `${n.id}: ${n.groupId} is not a delegation`)
      check(participants.has(actor), `${n.id}: ${actor} is not a participant of the demo`)
      const author = people.get(n.author)
      check(
        author?.role === 'delegate' && author.actorId === actor,
        `${n.id}: ${n.author} is not a delegate of ${actor}`,
      )
      const range = articles.has(n.articleId) ? resolveQuote(view.doc, n.articleId, n.quote) : null
      check(range !== null, `${n.id}: "${n.quote}" is not once in ${n.articleId}`)
      if (range) notes.push({ ...n, anchor: makeAnchor(view, range) })
    }
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`)
    return { demo, notes }
  } finally {
    ydoc.destroy()
  }
}

/** Creates the file's coalitions with their members per round, inside the demo's transaction. */
export async function writeDemoCoalitions(
  tx: StorageTransaction,
  negotiationId: string,
  demo: ManyHandsDemo,
): Promise<void> {
  for (const c of demo.coalitions) {
    const created = await tx.members.createGroup(negotiationId, {
      id: c.id,
      name: c.name,
      kind: 'coalition',
      source: c.source,
      provenance: c.provenance,
    })
    if (!created.ok) throw new Error(`the demo's group "${c.id}" exists already`)
    for (const m of c.memberships) {
      await tx.members.setCoalitionMembers(negotiationId, c.id, m.roundId, m.actorIds)
    }
  }
}

/** Who wrote a note: the account's id and display name. */
export interface NoteAuthor {
  accountId: string
  name: string
}

/**
 * The first state of each notes room the file writes, as the browser writes an annotation
 * (a Y.Map per note, its tags and replies Y.Arrays): room name → one Yjs update.
 */
export function demoNotesRooms(
  negotiationId: string,
  notes: readonly PreparedNote[],
  authorOf: (username: string) => NoteAuthor,
): { room: string; update: Uint8Array }[] {
  const byGroup = new Map<string, PreparedNote[]>()
  for (const n of notes) byGroup.set(n.groupId, [...(byGroup.get(n.groupId) ?? []), n])
  return [...byGroup].map(([groupId, group]) => {
    const doc = new Y.Doc()
    try {
      doc.transact(() => {
        for (const n of group) {
          const author = authorOf(n.author)
          const map = new Y.Map<unknown>()
          map.set('id', n.id)
          map.set('groupId', groupId)
          map.set('articleId', n.articleId)
          map.set('anchor', n.anchor)
          map.set('body', n.body)
          const tags = new Y.Array<string>()
          tags.push(n.tags)
          map.set('tags', tags)
          map.set('authorAccountId', author.accountId)
          map.set('authorName', author.name)
          map.set('createdAt', n.createdAt)
          map.set('resolved', false)
          map.set('replies', new Y.Array<Reply>())
          doc.getMap(NOTES_ANNOTATIONS).set(n.id, map)
        }
      })
      return {
        room: roomName({ negotiationId, kind: 'notes', key: groupId }),
        update: Y.encodeStateAsUpdate(doc),
      }
    } finally {
      doc.destroy()
    }
  })
}
