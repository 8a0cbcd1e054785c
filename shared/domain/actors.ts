import { z } from 'zod'
import { guardFormula, readCsv, unguardFormula, writeCsv, type CsvError } from './csv'

/** What an actor is: a state (ISO 3166 alpha-3 id) or an organisation (lower-case slug id). */
export const ACTOR_KINDS = ['state', 'organisation'] as const
/** A kind of actor. */
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** Someone who can take part in a negotiation: a state or an organisation. */
export interface Actor {
  /** `FRA`, `VAT`, `COK` for states; `icrc`, `cmc` for organisations. */
  id: string
  kind: ActorKind
  name: string
  officialName?: string
  region?: string
  subregion?: string
  /** One of the five UN regional groups, where the state belongs to one. */
  unRegionalGroup?: string
  unMember?: boolean
  /** ISO 3166-1 numeric code (`250` for France), where the state has one: the map's feature id. */
  isoNumeric?: string
}

/** The flags of the Oslo Process states spreadsheet, in its column order. */
export const FLAGS = ['user', 'producer', 'stockpiler', 'affected'] as const
/** One flag: user, producer, stockpiler or affected (by cluster munitions). */
export type Flag = (typeof FLAGS)[number]
/** An actor's flags. */
export type Flags = Record<Flag, boolean>

/** What an actor did at one round: attended it, endorsed its declaration (not always both). */
export interface RoundRecord {
  attended: boolean
  endorsed: boolean
}

/** An actor taking part in one negotiation: its flags, a note, and its record per round id. */
export interface Participant {
  actorId: string
  flags: Flags
  note: string
  rounds: Record<string, RoundRecord>
}

/** Flags all false. */
export const NO_FLAGS: Flags = { user: false, producer: false, stockpiler: false, affected: false }

const NOT_THERE: RoundRecord = { attended: false, endorsed: false }

/** A participant with no flags, no note, and nothing recorded in any round. */
export const newParticipant = (actorId: string): Participant => ({
  actorId,
  flags: { ...NO_FLAGS },
  note: '',
  rounds: {},
})

/** A change to a participant's flags and note, as the chair sends it. */
export const ParticipantChangeSchema = z
  .object({
    flags: z
      .object({
        user: z.boolean(),
        producer: z.boolean(),
        stockpiler: z.boolean(),
        affected: z.boolean(),
      })
      .partial()
      .strict()
      .optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
/** A change to a participant's flags and note. */
export type ParticipantChange = z.infer<typeof ParticipantChangeSchema>

/** A change to what an actor did at one round, as its delegation or the chair sends it. */
export const RoundChangeSchema = z
  .object({ attended: z.boolean().optional(), endorsed: z.boolean().optional() })
  .strict()
/** A change to one round record. */
export type RoundChange = z.infer<typeof RoundChangeSchema>

/** The participant with a change to its flags and note applied (the actor is added if new). */
export function changeParticipant(
  current: Participant | null,
  actorId: string,
  change: ParticipantChange,
): Participant {
  const base = current ?? newParticipant(actorId)
  return {
    ...base,
    flags: { ...base.flags, ...change.flags },
    note: change.note ?? base.note,
  }
}

/** The participant with one round's record changed (the actor is added if new). */
export function changeRound(
  current: Participant | null,
  actorId: string,
  roundId: string,
  change: RoundChange,
): Participant {
  const base = current ?? newParticipant(actorId)
  const record = { ...(base.rounds[roundId] ?? NOT_THERE), ...change }
  return { ...base, rounds: { ...base.rounds, [roundId]: record } }
}

/** The participant's record at each of the given rounds, in their order (nothing recorded: no). */
export function roundsOf(p: Participant, roundIds: readonly string[]): Record<string, RoundRecord> {
  return Object.fromEntries(roundIds.map((id) => [id, { ...(p.rounds[id] ?? NOT_THERE) }]))
}

// ---- The Oslo Process states spreadsheet as CSV ----

const FIXED_COLUMNS = ['actor', 'name', 'kind', ...FLAGS, 'note'] as const
const ROUND_FIELDS = ['attended', 'endorsed'] as const

/** The spreadsheet's header: actor, name, kind, the flags, note, then two columns per round. */
export function csvHeader(roundIds: readonly string[]): string[] {
  return [...FIXED_COLUMNS, ...roundIds.flatMap((id) => ROUND_FIELDS.map((f) => `${id} ${f}`))]
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no')

/** Writes participants as the states spreadsheet, one row per participant in the given order. */
export function toCsv(
  participants: readonly Participant[],
  actors: (id: string) => Actor | undefined,
  roundIds: readonly string[],
): string {
  const rows = participants.map((p) => {
    const actor = actors(p.actorId)
    const rounds = roundsOf(p, roundIds)
    return [
      p.actorId,
      guardFormula(actor?.name ?? ''),
      actor?.kind ?? '',
      ...FLAGS.map((f) => yesNo(p.flags[f])),
      guardFormula(p.note),
      ...roundIds.flatMap((id) => ROUND_FIELDS.map((f) => yesNo(rounds[id]?.[f] ?? false))),
    ]
  })
  return writeCsv([csvHeader(roundIds), ...rows])
}

/** The participants of a spreadsheet, or the first thing wrong with it and where. */
export type ParseCsvResult =
  { ok: true; participants: Participant[] } | { ok: false; error: CsvError }

type Column =
  | { type: 'actor' | 'ignored' | 'note' }
  | { type: 'flag'; flag: Flag }
  | { type: 'round'; roundId: string; field: (typeof ROUND_FIELDS)[number] }

/**
 * Reads the states spreadsheet. Columns may come in any order; `actor` is required, `name` and
 * `kind` are for people and ignored; a missing flag or round column means "no". Every actor must
 * be known and appear once, every round column must name one of `roundIds`, and every flag or
 * round cell must be yes, no or empty. Either every row is good or the result is an error.
 */
export function parseCsv(
  text: string,
  isKnownActor: (id: string) => boolean,
  roundIds: readonly string[],
): ParseCsvResult {
  const read = readCsv(text)
  if (!read.ok) return read
  const [header, ...rows] = read.records
  if (!header) return fail(1, 1, 'the file is empty; expected a header starting with "actor"')

  const columns: Column[] = []
  const seen = new Set<string>()
  for (const cell of header.cells) {
    const name = cell.value.trim()
    const column = columnOf(name, roundIds)
    if (typeof column === 'string') return fail(cell.line, cell.column, column)
    if (seen.has(name)) return fail(cell.line, cell.column, `the column "${name}" appears twice`)
    seen.add(name)
    columns.push(column)
  }
  const actorAt = columns.findIndex((c) => c.type === 'actor')
  if (actorAt < 0) return fail(header.line, 1, 'the header has no "actor" column')

  const participants: Participant[] = []
  const where = new Map<string, number>()
  for (const row of rows) {
    if (row.cells.length !== columns.length) {
      const column = Math.min(row.cells.length, columns.length) + 1
      return fail(
        row.line,
        column,
        `this row has ${row.cells.length} cells; the header has ${columns.length}`,
      )
    }
    const actorCell = row.cells[actorAt] as (typeof row.cells)[number]
    const actorId = actorCell.value.trim()
    if (!isKnownActor(actorId)) {
      return fail(actorCell.line, actorCell.column, `unknown actor "${actorId}"`)
    }
    const earlier = where.get(actorId)
    if (earlier !== undefined) {
      return fail(actorCell.line, actorCell.column, `${actorId} is already on line ${earlier}`)
    }
    where.set(actorId, row.line)
    const p = newParticipant(actorId)
    for (const [i, column] of columns.entries()) {
      const cell = row.cells[i] as (typeof row.cells)[number]
      if (column.type === 'note') p.note = unguardFormula(cell.value)
      if (column.type !== 'flag' && column.type !== 'round') continue
      const value = parseYesNo(cell.value)
      if (value === null) {
        const name = header.cells[i]?.value.trim()
        return fail(cell.line, cell.column, `"${name}" must be yes or no, not "${cell.value}"`)
      }
      if (column.type === 'flag') p.flags[column.flag] = value
      else {
        const record = (p.rounds[column.roundId] ??= { ...NOT_THERE })
        record[column.field] = value
      }
    }
    participants.push(p)
  }
  return { ok: true, participants }
}

// What a header cell means, or why it means nothing.
function columnOf(name: string, roundIds: readonly string[]): Column | string {
  if (name === 'actor') return { type: 'actor' }
  if (name === 'note') return { type: 'note' }
  if (name === 'name' || name === 'kind') return { type: 'ignored' }
  if ((FLAGS as readonly string[]).includes(name)) return { type: 'flag', flag: name as Flag }
  const round = /^(\S+)\s+(attended|endorsed)$/.exec(name)
  if (round) {
    const [, roundId, field] = round as unknown as [string, string, 'attended' | 'endorsed']
    if (roundIds.includes(roundId)) return { type: 'round', roundId, field }
    return `unknown round "${roundId}" in the column "${name}"; this negotiation's rounds are ${roundIds.join(', ') || 'none'}`
  }
  return `unknown column "${name}"; expected ${FIXED_COLUMNS.join(', ')} or "<round> attended" / "<round> endorsed"`
}

function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase()
  if (v === 'yes') return true
  if (v === 'no' || v === '') return false
  return null
}

const fail = (line: number, column: number, message: string): ParseCsvResult => ({
  ok: false,
  error: { line, column, message },
})
