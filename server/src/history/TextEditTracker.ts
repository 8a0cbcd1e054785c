import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT, isOrigin } from '../../../shared/collab'
import { cleaningCounts, type CleaningCounts } from '../../../shared/domain/brackets'
import type { CleaningEdit } from '../../../shared/domain/cleaningEdits'
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

/** The other instances' trackers (set by `cluster/ClusterControl` when REDIS_URL is set). */
export interface PeerSummaries {
  /** Resolves once every other instance has stored its pending summaries of the negotiation. */
  flushEdits(negotiationId: string): Promise<void>
}

// One author's edits in one article (or in the text's structure) since the last summary.
interface Pending {
  accountId: string | null
  articleId: string | null
  /** 'article', 'title', 'preamble', or 'structure' for articles added, moved or deleted. */
  part: string
  insertedChars: number
  deletedChars: number
  /** Brackets and option blocks added and removed (the chair's cleaning). */
  cleaning: CleaningEdit
  firstAt: string
  lastAt: string
  timer: ReturnType<typeof setTimeout>
}

/**
 * Summarises what clients type in each text room into 'text-edited' events, one per author and
 * article after `quietMs` without their edits there, and on unload; and, comparing the outline
 * then with the one before (by article id), 'article-added', '-moved', '-renamed' and '-deleted'.
 * A summary also says how many brackets and option blocks the author added and removed in the
 * article, counted as `cleaningCounts` does, on the article's Yjs element, after each change that
 * can alter them (never after plain typing). Per keystroke it only counts characters; the text is
 * read as ProseMirror once per summary.
 */
export class TextEditTracker implements RoomObserver {
  private readonly quietMs: number
  private readonly watched = new Map<string, WatchedText>()
  private readonly writes = new Set<Promise<unknown>>()
  // The other instances, whose clients' pending edits a flush must write out too.
  private peers: PeerSummaries | undefined

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

  /** Makes every later `flush` wait for the other instances' flushes too (ClusterControl). */
  tellPeers(peers: PeerSummaries): void {
    this.peers = peers
  }

  /**
   * Summarises every pending edit of a negotiation's text now (before a round closes), here and
   * on every other instance holding the text.
   */
  async flush(negotiationId: string): Promise<void> {
    await Promise.all([this.flushLocal(negotiationId), this.peers?.flushEdits(negotiationId)])
  }

  /** `flush` on this instance only (what a peer's flush runs here). */
  async flushLocal(negotiationId: string): Promise<void> {
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
  // Brackets and option blocks of each article, by id, after the last change that counted them.
  private readonly cleaning = new Map<string, CleaningCounts>()
  // Who last added, moved or deleted an article, to name them in the structural events.
  private structuralAuthor: string | null | undefined
  // Whether this instance's clients changed the outline (blocks, a title, an article's
  // attributes) since the last summary: another instance's change must not be absorbed then.
  private outlinePending = false

  constructor(
    private readonly room: Room,
    private readonly quietMs: number,
    private readonly write: (input: Omit<EventInput, 'byName'>) => void,
  ) {
    this.fragment = room.doc.getXmlFragment(TEXT_FRAGMENT)
    this.outline = this.readOutline()
    this.countAll()
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

  private countAll(): void {
    this.cleaning.clear()
    yXmlFragmentToProseMirrorRootNode(this.fragment, treatySchema).forEach((node) => {
      if (node.type.name === 'article')
        this.cleaning.set(String(node.attrs.id), cleaningCounts(node))
    })
  }

  // A server command (incorporating a proposal) records its own event: summarise the clients'
  // edits before it, and take the text after it as the new baseline.
  private readonly beforeTransaction = (tr: Y.Transaction) => {
    if (isServerCommand(tr.origin) && this.pending.size > 0) this.flushAll()
    // Another instance's change may alter the outline too; summarise ours first if it could be
    // taken for theirs (rare: only while our clients' structural or title edits wait).
    if (isRemote(tr.origin) && this.outlinePending) this.flushAll()
  }

  private readonly afterTransaction = (tr: Y.Transaction) => {
    if (isServerCommand(tr.origin) && tr.changedParentTypes.size > 0) {
      this.outline = this.readOutline()
      this.countAll()
    }
  }

  private readonly onChange = (events: Y.YEvent<Y.XmlElement | Y.XmlText>[], tr: Y.Transaction) => {
    const origin = tr.origin
    if (isRemote(origin)) return this.absorbRemote(events)
    if (!isOrigin(origin) || origin.kind !== 'client') return
    if (events.some((event) => changesOutline(event, this.fragment))) this.outlinePending = true
    const accountId = this.room.connection(origin.connectionId)?.owner?.accountId ?? null
    // Articles whose brackets or option blocks this change may have altered.
    const recount = new Map<string, Y.XmlElement>()
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
      if (articleId && mayChangeCleaning(event)) recount.set(articleId, top as Y.XmlElement)
    }
    for (const [articleId, article] of recount) {
      const before = this.cleaning.get(articleId) ?? { brackets: 0, options: 0 }
      const after = cleaningOfY(article)
      this.cleaning.set(articleId, after)
      const change = cleaningChange(before, after)
      if (change) this.note(accountId, articleId, 'article', 0, 0, change)
    }
  }

  // Another instance's clients made this change (issue 16): that instance summarises it, so it
  // never becomes ours, but our baselines (outline, bracket counts) take it in, or our next
  // summary would report it again under our author's name.
  private absorbRemote(events: Y.YEvent<Y.XmlElement | Y.XmlText>[]): void {
    for (const event of events) {
      const top = topLevel(event.target, this.fragment)
      const isArticle = top instanceof Y.XmlElement && top.nodeName === 'article'
      const articleId = isArticle ? String(top.getAttribute('id') ?? '') || null : null
      if (articleId && mayChangeCleaning(event)) {
        this.cleaning.set(articleId, cleaningOfY(top as Y.XmlElement))
      }
    }
    if (events.some((event) => changesOutline(event, this.fragment))) {
      this.outline = this.readOutline()
    }
  }

  private note(
    accountId: string | null,
    articleId: string | null,
    part: string,
    inserted: number,
    deleted: number,
    cleaning: CleaningEdit = NO_CLEANING,
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
      cleaning: addCleaning(entry?.cleaning ?? NO_CLEANING, cleaning),
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
    const cleaned = Object.values(entry.cleaning).some((n) => n > 0)
    if (entry.insertedChars > 0 || entry.deletedChars > 0 || cleaned) {
      const now = entry.articleId ? this.cleaning.get(entry.articleId) : undefined
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
          // What the author's cleaning did, and what the article holds after it.
          ...(cleaned ? { ...entry.cleaning, brackets: now?.brackets, options: now?.options } : {}),
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
    this.outlinePending = false
  }
}

const isRemote = (origin: unknown) => isOrigin(origin) && origin.kind === 'remote'

// Whether a change can alter the outline: blocks added, moved or deleted, an article's
// attributes (number, label) or its title (inserted, deleted, or typed in). Conservative: a
// deletion inside an article counts, in case it took the title.
function changesOutline(event: Y.YEvent<Y.XmlElement | Y.XmlText>, fragment: Y.XmlFragment) {
  const target = event.target
  if ((target as unknown) === fragment) return true
  if (target instanceof Y.XmlElement && target.nodeName === 'article') {
    return (
      (event as Y.YXmlEvent).attributesChanged.size > 0 ||
      event.delta.some(
        (op) =>
          op.delete !== undefined ||
          (Array.isArray(op.insert) &&
            op.insert.some((t) => t instanceof Y.XmlElement && t.nodeName === 'article_title')),
      )
    )
  }
  let node: { parent: unknown } | null = target
  while (node && node !== (fragment as unknown)) {
    if (node instanceof Y.XmlElement && node.nodeName === 'article_title') return true
    node = node.parent as { parent: unknown } | null
  }
  return false
}

const NO_CLEANING: CleaningEdit = {
  bracketsAdded: 0,
  bracketsRemoved: 0,
  optionsAdded: 0,
  optionsRemoved: 0,
}

const addCleaning = (a: CleaningEdit, b: CleaningEdit): CleaningEdit => ({
  bracketsAdded: a.bracketsAdded + b.bracketsAdded,
  bracketsRemoved: a.bracketsRemoved + b.bracketsRemoved,
  optionsAdded: a.optionsAdded + b.optionsAdded,
  optionsRemoved: a.optionsRemoved + b.optionsRemoved,
})

// The change between two counts of an article, or null if there is none.
function cleaningChange(before: CleaningCounts, after: CleaningCounts): CleaningEdit | null {
  const brackets = after.brackets - before.brackets
  const options = after.options - before.options
  if (brackets === 0 && options === 0) return null
  return {
    bracketsAdded: Math.max(brackets, 0),
    bracketsRemoved: Math.max(-brackets, 0),
    optionsAdded: Math.max(options, 0),
    optionsRemoved: Math.max(-options, 0),
  }
}

// Whether a change can add or remove a bracket or an option block: elements added, removed or
// given attributes (an option block, a bracketed article), marks set or removed, words deleted.
// Plain typing (inserts, even inside a bracket) cannot; a paste of bracketed words is not counted.
function mayChangeCleaning(event: Y.YEvent<Y.XmlElement | Y.XmlText>): boolean {
  if (!(event.target instanceof Y.XmlText)) return true
  return event.delta.some((op) => op.delete !== undefined || (op.retain && op.attributes))
}

// An article's brackets and option blocks read from its Yjs element, as cleaningCounts counts
// them: distinct bracket ids (y-prosemirror keys a self-nesting mark `bracket--<hash>`, its attrs
// the value), plus one for a bracketed article, and the option blocks.
function cleaningOfY(article: Y.XmlElement): CleaningCounts {
  const ids = new Set<string>()
  let options = 0
  const visit = (type: Y.XmlElement | Y.XmlText) => {
    if (type instanceof Y.XmlText) {
      for (const op of type.toDelta() as { attributes?: Record<string, unknown> }[]) {
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          if (key.split('--')[0] === 'bracket' && value && typeof value === 'object') {
            ids.add(String((value as { id?: unknown }).id))
          }
        }
      }
      return
    }
    if (type.nodeName === 'options') options += 1
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child)
    }
  }
  visit(article)
  const bracketed = article.getAttribute('bracketed') as unknown
  return {
    brackets: ids.size + (bracketed === true || bracketed === 'true' ? 1 : 0),
    options,
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
