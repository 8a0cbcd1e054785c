import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { outlineOf, type ArticleSummary } from '../../../shared/domain/numbering'
import type { Position, Proposal } from '../../../shared/domain/proposals/types'
import {
  articleUnits,
  eventUnit,
  noteUnit,
  proposalUnit,
  type SearchUnit,
} from '../../../shared/domain/search/documents'
import { treatySchema } from '../../../shared/schema'
import { getActor } from '../actors/catalogue'
import { notesRoom, readNotes } from '../annotations/notes'
import type { RoomRegistry } from '../collab/rooms'
import type { SearchSource } from '../storage/SearchStore'
import type { Storage } from '../storage/Storage'
import { yieldToOthers } from '../work/slices'

/** The live text is re-read for the index at most this often per negotiation (ms). */
export const TEXT_REINDEX_MS = 1000
/** Events indexed per query at most; the rest on the next queries. */
export const EVENTS_PER_QUERY = 2000
// Units written in one transaction before the event loop serves others.
const UNITS_PER_SLICE = 4
const EVENTS_PER_READ = 500

interface TextState {
  version: number
  at: number
  outline: ArticleSummary[]
}

/**
 * Keeps the search index caught up, at query time: a source is re-read only when it changed
 * (a room's log position, new events, a proposal's digest), at most once at a time per source,
 * and only its changed units are rewritten, a few at a time with the event loop served between.
 */
export class SearchIndexer {
  private readonly running = new Map<string, Promise<void>>()
  private readonly texts = new Map<string, TextState>()

  constructor(
    private readonly storage: Storage,
    private readonly registry: RoomRegistry,
  ) {}

  /** The current text's outline, after bringing its index up to date (throttled). */
  async currentText(negotiationId: string): Promise<ArticleSummary[]> {
    const room = roomName({ negotiationId, kind: 'text' })
    const version = await this.storage.search.roomVersion(room)
    const known = this.texts.get(negotiationId)
    const fresh = known && (known.version === version || Date.now() - known.at < TEXT_REINDEX_MS)
    if (!fresh) {
      await this.once(`${negotiationId} text`, async () => {
        const doc = await this.registry.read(room, (y) =>
          yXmlFragmentToProseMirrorRootNode(y.getXmlFragment(TEXT_FRAGMENT), treatySchema),
        )
        await this.sync(negotiationId, 'text:current', articleUnits(doc))
        this.texts.set(negotiationId, { version, at: Date.now(), outline: outlineOf(doc) })
      })
    }
    return this.texts.get(negotiationId)?.outline ?? []
  }

  /** Indexes a closed round's frozen text once; false if the round has no frozen text. */
  async frozenText(negotiationId: string, roundId: string): Promise<boolean> {
    const source = `text:${roundId}`
    if ((await this.storage.search.marker(negotiationId, source)) !== null) return true
    const snapshot = await this.storage.rounds.snapshot(negotiationId, roundId)
    if (!snapshot) return false
    await this.once(`${negotiationId} ${source}`, async () => {
      if ((await this.storage.search.marker(negotiationId, source)) !== null) return
      const doc: Node = treatySchema.nodeFromJSON(snapshot.doc)
      await this.sync(negotiationId, source, articleUnits(doc))
      await this.storage.search.setMarker(negotiationId, source, 1)
    })
    return true
  }

  /** Indexes proposals and their positions whose words or readers changed. */
  async proposals(negotiationId: string, proposals: readonly Proposal[]): Promise<void> {
    await this.once(`${negotiationId} proposals`, async () => {
      const positions = await this.storage.proposals.listPositions(negotiationId)
      const byProposal = new Map<string, Position[]>()
      for (const p of positions)
        byProposal.set(p.proposalId, [...(byProposal.get(p.proposalId) ?? []), p])
      const name = (id: string) => getActor(id)?.name ?? id
      const units = proposals.map((p) => proposalUnit(p, byProposal.get(p.id) ?? [], name))
      await this.sync(negotiationId, 'proposals', units)
    })
  }

  /** Indexes events appended since the last time, up to EVENTS_PER_QUERY of them. */
  async events(negotiationId: string, proposals: readonly Proposal[]): Promise<void> {
    await this.once(`${negotiationId} events`, async () => {
      const titles = new Map(proposals.map((p) => [p.id, p.title]))
      let after = (await this.storage.search.marker(negotiationId, 'events')) ?? 0
      for (let read = 0; read < EVENTS_PER_QUERY; read += EVENTS_PER_READ) {
        const events = await this.storage.events.list(negotiationId, {
          afterSeq: after,
          limit: EVENTS_PER_READ,
        })
        const last = events[events.length - 1]
        if (!last) return
        const units = events.map((e) =>
          eventUnit(e, e.proposalId ? (titles.get(e.proposalId) ?? null) : null),
        )
        await this.storage.search.write(negotiationId, 'events', units)
        after = last.seq
        await this.storage.search.setMarker(negotiationId, 'events', after)
        await yieldToOthers()
      }
    })
  }

  /** Indexes a notes room (a group's, or 'public') if it changed since it was last indexed. */
  async notes(negotiationId: string, groupId: string): Promise<void> {
    const source = `notes:${groupId}`
    const room = notesRoom(negotiationId, groupId)
    const version = await this.storage.search.roomVersion(room)
    if ((await this.storage.search.marker(negotiationId, source)) === version) return
    await this.once(`${negotiationId} ${source}`, async () => {
      const notes = await this.registry.read(room, readNotes)
      await this.sync(
        negotiationId,
        source,
        notes.map((a) => noteUnit(a, groupId)),
      )
      await this.storage.search.setMarker(negotiationId, source, version)
    })
  }

  // Runs `work` unless the same work is running, in which case it waits for that one.
  private async once(key: string, work: () => Promise<void>): Promise<void> {
    const running = this.running.get(key)
    if (running) return running
    const done = work().finally(() => this.running.delete(key))
    this.running.set(key, done)
    return done
  }

  // Rewrites the units whose digest changed and removes those that are gone, in slices.
  private async sync(
    negotiationId: string,
    source: SearchSource,
    units: readonly SearchUnit[],
  ): Promise<void> {
    const indexed = await this.storage.search.digests(negotiationId, source)
    const changed = units.filter((u) => indexed.get(u.unit) !== u.digest)
    const keep = new Set(units.map((u) => u.unit))
    const removed = [...indexed.keys()].filter((k) => !keep.has(k))
    if (removed.length > 0) await this.storage.search.write(negotiationId, source, [], removed)
    for (let i = 0; i < changed.length; i += UNITS_PER_SLICE) {
      await this.storage.search.write(negotiationId, source, changed.slice(i, i + UNITS_PER_SLICE))
      await yieldToOthers()
    }
  }
}
