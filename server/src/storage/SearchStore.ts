import type { SearchDoc, SearchUnit } from '../../../shared/domain/search/documents'
import type { SearchKind } from '../../../shared/domain/search/query'

/**
 * A source of searchable rows in a negotiation: 'text:current', 'text:<roundId>' (a frozen
 * text), 'proposals', 'events', or 'notes:<groupId>' (a notes room, 'notes:public' included).
 */
export type SearchSource = string

/** One match as the index returns it, its title and snippet with the match markers in them. */
export interface SearchMatch extends Omit<SearchDoc, 'title' | 'body'> {
  source: SearchSource
  title: string
  snippet: string
}

/** What to look for: an FTS5 query, in which sources, of which kind, readable by whom. */
export interface SearchFilter {
  match: string
  kind: SearchKind
  sources: SearchSource[]
  /** Only rows whose audience is one of these (scope.ts); the filter is applied by the index. */
  audiences: string[]
  limit: number
}

/**
 * The full-text index of each negotiation, a cache rebuilt from rooms and tables: each source
 * holds units (an article, a proposal, an annotation, an event) replaced whole when they change.
 */
export interface SearchStore {
  /** The digest of every unit of a source as indexed. */
  digests(negotiationId: string, source: SearchSource): Promise<Map<string, string>>
  /** Replaces units (or adds them) and deletes others, in one transaction. */
  write(
    negotiationId: string,
    source: SearchSource,
    units: readonly SearchUnit[],
    removed?: readonly string[],
  ): Promise<void>
  /** How far a source was indexed (a room's log position, an event seq), or null if never. */
  marker(negotiationId: string, source: SearchSource): Promise<number | null>
  /** Records how far a source was indexed. */
  setMarker(negotiationId: string, source: SearchSource, marker: number): Promise<void>
  /** A number that grows whenever a room's stored state changes (0 for a room never written). */
  roomVersion(room: string): Promise<number>
  /** Up to `limit` matches, best first. */
  search(negotiationId: string, filter: SearchFilter): Promise<SearchMatch[]>
}
