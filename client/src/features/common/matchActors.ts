import type { ActorChoice } from '../proposals/CoSponsorPicker'

/** How many choices a combobox lists at once; typing narrows the rest. */
export const MAX_SHOWN = 50

/**
 * The actors a typed text matches (any case, in name or ISO code), those whose name or code
 * starts with it first, at most MAX_SHOWN of them, and how many more match.
 */
export function matchActors(
  actors: readonly ActorChoice[],
  text: string,
): { shown: ActorChoice[]; more: number } {
  const t = text.trim().toLowerCase()
  const starts = (a: ActorChoice) =>
    a.name.toLowerCase().startsWith(t) || a.id.toLowerCase().startsWith(t)
  const matching = t
    ? actors.filter((a) => a.name.toLowerCase().includes(t) || a.id.toLowerCase().includes(t))
    : [...actors]
  // A stable sort keeps the catalogue's order within each group.
  matching.sort((a, b) => Number(starts(b)) - Number(starts(a)))
  return { shown: matching.slice(0, MAX_SHOWN), more: Math.max(0, matching.length - MAX_SHOWN) }
}
