import fs from 'node:fs'
import path from 'node:path'
import countries, { type Country } from 'world-countries'
import { z } from 'zod'
import type { Actor } from '../../../shared/domain/actors'
import { fixturePath } from '../paths'

const FIXTURES = fixturePath()

/** The hand-written organisations (ICRC, UNDP, the campaign coalition, ...). */
export const ORGANISATIONS_FILE = path.join(FIXTURES, 'organisations.json')

const OrganisationsSchema = z.object({
  organisations: z.array(
    z
      .object({
        id: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'a lower-case slug'),
        name: z.string().min(1),
        officialName: z.string().min(1).optional(),
      })
      .strict(),
  ),
})

// Where the dataset disagrees with how treaty practice names a state. world-countries 5.1.0
// lists VAT as "Vatican City" and a UN member (194 members); the party to treaties is the Holy
// See, a non-member observer state, and the UN has 193 members.
const CORRECTIONS: Record<string, Partial<Actor>> = {
  VAT: { name: 'Holy See', officialName: 'Holy See (Vatican City State)', unMember: false },
}

function stateOf(c: Country): Actor {
  const actor: Actor = {
    id: c.cca3,
    kind: 'state',
    name: c.name.common,
    officialName: c.name.official,
    region: c.region,
    unMember: c.unMember,
  }
  if (c.subregion) actor.subregion = c.subregion
  if (c.unRegionalGroup) actor.unRegionalGroup = c.unRegionalGroup
  if (c.ccn3) actor.isoNumeric = c.ccn3
  return { ...actor, ...CORRECTIONS[c.cca3] }
}

/** Builds the catalogue: every entry of world-countries as a state, then the organisations. */
export function buildCatalogue(organisationsFile: string = ORGANISATIONS_FILE): Actor[] {
  const states = countries.map(stateOf)
  const { organisations } = OrganisationsSchema.parse(
    JSON.parse(fs.readFileSync(organisationsFile, 'utf8')),
  )
  const byName = (a: Actor, b: Actor) => a.name.localeCompare(b.name, 'en')
  const actors = [
    ...states.sort(byName),
    ...organisations.map((o): Actor => ({ ...o, kind: 'organisation' })).sort(byName),
  ]
  const ids = new Set<string>()
  for (const a of actors) {
    if (ids.has(a.id)) throw new Error(`the actor id ${a.id} is used twice`)
    ids.add(a.id)
  }
  return actors.map((a) => Object.freeze(a))
}

// About 260 entries, read once when the server first imports this module.
const CATALOGUE: readonly Actor[] = Object.freeze(buildCatalogue())
const BY_ID: ReadonlyMap<string, Actor> = new Map(CATALOGUE.map((a) => [a.id, a]))

/** Every actor: the states by name, then the organisations by name. */
export const listActors = (): readonly Actor[] => CATALOGUE

/** One actor by id (`FRA`, `icrc`), or undefined. */
export const getActor = (id: string): Actor | undefined => BY_ID.get(id)

/** Whether an id names a state or organisation of the catalogue. */
export const isKnownActor = (id: string): boolean => BY_ID.has(id)
