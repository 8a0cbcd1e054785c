import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT, isOrigin } from '../../../shared/collab'
import { outlineOf, type ArticleSummary } from '../../../shared/domain/numbering'
import { outlineChanges } from '../../../shared/domain/outlineChanges'
import { treatySchema } from '../../../shared/schema'
import type { Room } from '../collab/Room'
import type { RoomObserver } from '../collab/rooms'
import type { Storage } from '../storage/Storage'
import { appendEvent, type EventInput } from './events'

/** How edits are summarised. */
export interface TextEditOptions {
  /** Quiet time, per author and article, after which their edits become one event (20 s). */
  quietMs?: number
}

// One author's edits in one article (or in the text's structure) since the last summary.
interface Pending {
  accountId: string | null
  articleId: string | null
  /** 'article', 'title', 'preamble', or 'structure' for articles added, moved or deleted. */
  part: string
  insertedChars: number
  deletedChars: number
  firstAt: string
  lastAt: string
  timer: ReturnType<typeof setTimeout>
}

/**
 * Summarises what clients type in each text room into 'text-edited' events, one per author and
 * article after `quietMs` without their edits there, and on unload; and, comparing the outline
 * then with the one before (by article id), 'article-added', '-moved', '-renamed' and '-deleted'.
 * Per keystroke it only counts characters; the text is read as ProseMirror once per summary.
 */
export class TextEditTracker implements RoomObserver {
  private readonly quietMs: number
  private readonly watched = new Map<string, WatchedText>()
  private readonly writes = new Set<Promise<unknown>>()

  constructor(
    private readonly storage: Storage,
    options: TextEditOptions = {},
  ) {
    this.quietMs = options.quietMs ?? 20_000
  }

  /** Starts watching a text room; other rooms are not watched. */
  attach(room: Room): (() => void) | undefined {
    if (room.ref.kind !== 'text') return undefined
    const watched = new WatchedText(room, this.quietMs, (input) => this.write(input))
    this.watched.set(room.ref.negotiationId, watched)
    return () => {
      watched.stop()
      if (this.watched.get(room.ref.negotiationId) === watched) {
        this.watched.delete(room.ref.negotiationId)
      }
    }
  }

  /** Summarises every pending edit of a negotiation's text now (before a round closes). */
  async flush(negotiationId: string): Promise<void> {
    this.watched.get(negotiationId)?.flushAll()
    await this.drain()
  }

  /** Resolves once every summary handed to storage is stored. */
  async drain(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes])
  }

  private write(input: Omit<EventInput, 'byName'>): void {
    const done = appendEvent(this.storage, input).catch((error) =>
      console.error('an edit summary could not be stored:', error),
    )
    this.writes.add(done)
    void done.finally(() => this.writes.delete(done))
  }
}

// The watch on one loaded text room.
class WatchedText {
  private readonly fragment: Y.XmlFragment
  private outline: ArticleSummary[]
  private readonly pending = new Map<string, Pending>()
  // Who last added, moved or deleted an article, to name them in the structural events.
  private structuralAuthor: string | null | undefined

  constructor(
    private readonly room: Room,
    private readonly quietMs: number,
    private readonly write: (input: Omit<EventInput, 'byName'>) => void,
  ) {
    this.fragment = room.doc.getXmlFragment(TEXT_FRAGMENT)
    this.outline = this.readOutline()
    this.fragment.observeDeep(this.onChange)
    room.doc.on('beforeTransaction', this.beforeTransaction)
    room.doc.on('afterTransaction', this.afterTransaction)
  }

  /** Summarises everything pending and stops watching. */
  stop(): void {
    this.flushAll()
    this.fragment.unobserveDeep(this.onChange)
    this.room.doc.off('beforeTransaction', this.beforeTransaction)
    this.room.doc.off('afterTransaction', this.afterTransaction)
  }

  /** Summarises everything pending now. */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flush(key)
  }

  private readOutline(): ArticleSummary[] {
    return outlineOf(yXmlFragmentToProseMirrorRootNode(this.fragment, treatySchema))
  }

  // A server command (incorporating a proposal) records its own event: summarise the clients'
  // edits before it, and take the text after it as the new baseline.
  private readonly beforeTransaction = (tr: Y.Transaction) => {
    if (isServerCommand(tr.origin) && this.pending.size > 0) this.flushAll()
  }

  private readonly afterTransaction = (tr: Y.Transaction) => {
    if (isServerCommand(tr.origin) && tr.changedParentTypes.size > 0) {
      this.outline = this.readOutline()
    }
  }

  private readonly onChange = (events: Y.YEvent<Y.XmlElement | Y.XmlText>[], tr: Y.Transaction) => {
    const origin = tr.origin
    if (!isOrigin(origin) || origin.kind !== 'client') return
    const accountId = this.room.connection(origin.connectionId)?.owner?.accountId ?? null
    for (const event of events) {
      if (event.target === this.fragment) {
        // Articles (or the title, preamble) added, moved or deleted as whole blocks.
        this.structuralAuthor = accountId
        this.note(accountId, null, 'structure', 0, 0)
        continue
      }
      const top = topLevel(event.target, this.fragment)
      if (!top) continue
      const isArticle = top instanceof Y.XmlElement && top.nodeName === 'article'
      const articleId = isArticle ? String(top.getAttribute('id') ?? '') || null : null
      const part = isArticle ? 'article' : top instanceof Y.XmlElement ? top.nodeName : 'text'
      const { inserted, deleted } = countChars(event)
      this.note(accountId, articleId, part, inserted, deleted)
    }
  }

  private note(
    accountId: string | null,
    articleId: string | null,
    part: string,
    inserted: number,
    deleted: number,
  ): void {
    const key = `${accountId ?? ''}\u0000${articleId ?? part}`
    const now = new Date().toISOString()
    const entry = this.pending.get(key)
    if (entry) clearTimeout(entry.timer)
    const timer = setTimeout(() => this.flush(key), this.quietMs)
    // The summary waits for quiet; it never keeps the process alive on its own.
    timer.unref?.()
    this.pending.set(key, {
      accountId,
      articleId,
      part,
      insertedChars: (entry?.insertedChars ?? 0) + inserted,
      deletedChars: (entry?.deletedChars ?? 0) + deleted,
      firstAt: entry?.firstAt ?? now,
      lastAt: now,
      timer,
    })
  }

  private flush(key: string): void {
    const entry = this.pending.get(key)
    if (!entry) return
    clearTimeout(entry.timer)
    this.pending.delete(key)
    const negotiationId = this.room.ref.negotiationId
    const base = { negotiationId, accountId: entry.accountId, at: entry.lastAt }
    if (entry.insertedChars > 0 || entry.deletedChars > 0) {
      this.write({
        ...base,
        type: 'text-edited',
        articleId: entry.articleId,
        data: {
          insertedChars: entry.insertedChars,
          deletedChars: entry.deletedChars,
          part: entry.part,
          from: entry.firstAt,
          to: entry.lastAt,
        },
      })
    }
    const outline = this.readOutline()
    const structural = this.structuralAuthor
    for (const change of outlineChanges(this.outline, outline)) {
      const accountId =
        change.type === 'article-renamed' || structural === undefined ? entry.accountId : structural
      this.write({ ...base, accountId, ...change })
    }
    this.outline = outline
    this.structuralAuthor = undefined
  }
}

const isServerCommand = (origin: unknown) => isOrigin(origin) && origin.kind === 'server-command'

// The child of the fragment that holds `type` (an article, the title or the preamble).
function topLevel(type: { parent: unknown }, fragment: Y.XmlFragment): unknown {
  let node: { parent: unknown } | null = type
  while (node && node.parent !== fragment) node = node.parent as { parent: unknown } | null
  return node
}

// Characters typed and deleted in one change: text deltas, and whole clauses added or removed.
function countChars(event: Y.YEvent<Y.XmlElement | Y.XmlText>): {
  inserted: number
  deleted: number
} {
  let inserted = 0
  let deleted = 0
  if (event.target instanceof Y.XmlText) {
    for (const op of event.delta) {
      if (typeof op.insert === 'string') inserted += op.insert.length
      else if (op.insert !== undefined) inserted += 1
      if (op.delete) deleted += op.delete
    }
    return { inserted, deleted }
  }
  for (const item of event.changes.added) inserted += textLength(item)
  for (const item of event.changes.deleted) deleted += textLength(item)
  return { inserted, deleted }
}

// The characters an item holds, deleted or not (counted before Yjs collects deleted content).
function textLength(item: Y.Item): number {
  const content = item.content as unknown as { str?: string; type?: Y.AbstractType<unknown> }
  if (typeof content.str === 'string') return content.str.length
  if (!content.type) return 0
  let sum = 0
  for (let child = content.type._start; child !== null; child = child.right)
    sum += textLength(child)
  return sum
}
