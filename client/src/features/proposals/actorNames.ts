import type { Participant } from '../actors/actorsApi'
import type { ActorChoice } from './CoSponsorPicker'

/** Actor ids to names, as far as the participants list knows them. */
export type ActorNames = ReadonlyMap<string, string>

/** An actor's name, or its id when it is not a participant. */
export const nameOf = (names: ActorNames, id: string): string => names.get(id) ?? id

/** The participants as choices for sponsors and co-sponsors, by name. */
export const actorChoices = (participants: readonly Participant[] | null): ActorChoice[] =>
  (participants ?? [])
    .map((p) => ({ id: p.actor.id, name: p.actor.name }))
    .sort((a, b) => a.name.localeCompare(b.name))

/** Sponsors and co-sponsors as the text labels them: "DEU, FRA". */
export const sponsorCodes = (p: { sponsors: string[]; coSponsors: string[] }): string =>
  [...p.sponsors, ...p.coSponsors].join(', ')
