import { z } from 'zod'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')

/** A round of negotiation: one conference or session, as stored and as the API returns it. */
export const RoundSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1).max(200),
    place: z.string().max(200),
    startDate: isoDate,
    endDate: isoDate,
    outcome: z.string().max(500).optional(),
    // False where the dates are background knowledge rather than a cited source.
    verified: z.boolean().default(true),
  })
  .refine((r) => r.startDate <= r.endDate, { message: 'a round cannot end before it starts' })

/** A round of negotiation. */
export type Round = z.infer<typeof RoundSchema>

/** The demo scenario file: which negotiation, which text, which rounds. */
export const ScenarioSchema = z.object({
  negotiation: z.object({ id: z.string(), name: z.string(), text: z.string() }),
  rounds: z.array(RoundSchema),
})

/** Parsed contents of a scenario file such as fixtures/oslo-process-rounds.json. */
export type Scenario = z.infer<typeof ScenarioSchema>

/** Where a round stands: announced, running (at most one at a time), or closed with its text. */
export type RoundStatus = 'planned' | 'open' | 'closed'

/** A round with its status, as storage lists it and the API returns it. */
export type RoundState = Round & {
  status: RoundStatus
  openedAt: string | null
  closedAt: string | null
  /** The name of the text frozen when it closed ("Vienna Discussion Text"), if any. */
  snapshotName: string | null
  /** Who closed it, freezing that text. */
  closedBy: string | null
}

/** The status of a round from its times: closed once closed, open once opened, else planned. */
export const roundStatus = (r: {
  openedAt: string | null
  closedAt: string | null
}): RoundStatus => (r.closedAt !== null ? 'closed' : r.openedAt !== null ? 'open' : 'planned')

/** The default name of a round's frozen text: the city of its place, "Vienna Discussion Text". */
export function defaultSnapshotName(round: Pick<Round, 'place' | 'name'>): string {
  const city = round.place.split(',')[0]?.trim() || round.name
  return `${city} Discussion Text`
}
