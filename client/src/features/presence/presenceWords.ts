import type { RoomSummary } from '../../../../shared/collab/presence'

/**
 * How many people are here: the local user and the others shown, or, in a room that counts its
 * readers (see RoomSummary), everyone the server counts if that is more.
 */
export function hereCount(summary: RoomSummary | null | undefined, othersShown: number): number {
  return Math.max(othersShown + 1, summary?.present ?? 0)
}

/** How many people the list does not name: all but the local user and the others it shows. */
export function unnamedCount(summary: RoomSummary | null | undefined, othersShown: number): number {
  return hereCount(summary, othersShown) - othersShown - 1
}

/** The line under the list of who is here for those it does not name: "and 970 more following". */
export function moreFollowingWords(count: number): string {
  return `and ${count.toLocaleString('en')} more following`
}

/** An article's count of readers the outline does not show one by one: "12 reading". */
export function readingWords(count: number): string {
  return `${count.toLocaleString('en')} reading`
}
