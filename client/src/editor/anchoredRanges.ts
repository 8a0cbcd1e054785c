import type { Mapping } from 'prosemirror-transform'
import type { Transaction } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'

/** Where each anchored item (proposal, note) is in the document now; null when its words are gone. */
export type Placements = Map<string, { from: number; to: number } | null>

/**
 * Whether a transaction came from Yjs (another client, the server, an undo): it replaces the whole
 * document in one step, so decorations cannot be mapped through it and anchors are resolved again.
 */
export const fromYjs = (tr: Transaction): boolean =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true

/**
 * Maps placements through the local user's own edit, keeping them on their words until Yjs
 * speaks; a range that collapses becomes null.
 */
export function mapPlacements(placements: Placements, mapping: Mapping): Placements {
  const mapped: Placements = new Map()
  for (const [id, range] of placements) {
    const from = range && mapping.map(range.from, 1)
    const to = range && mapping.map(range.to, -1)
    mapped.set(id, from !== null && to !== null && from < to ? { from, to } : null)
  }
  return mapped
}
