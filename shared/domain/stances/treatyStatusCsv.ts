import type { Actor } from '../actors'
import { readCsv, type CsvError } from '../csv'
import { TREATY_ACTIONS, type TreatyAction, type TreatyStatus } from './types'

// The UN Treaty Collection's status table as CSV (../shared/data/ccm-status-untc-partial.csv):
// `#` comment lines, then participant_untc_name, signature, provisional_application,
// action_date, action_type, untc_footnote. States are named as the depositary names them; a
// resolver turns a name into an actor id, and a name it cannot resolve is reported, never guessed.

/** The columns of the UNTC status CSV; `untc_footnote` may be left out. */
export const TREATY_STATUS_COLUMNS = [
  'participant_untc_name',
  'signature',
  'provisional_application',
  'action_date',
  'action_type',
  'untc_footnote',
] as const
type TreatyColumn = (typeof TREATY_STATUS_COLUMNS)[number]
const REQUIRED: readonly TreatyColumn[] = TREATY_STATUS_COLUMNS.slice(0, 5)

/** One state's status as the file gives it, without the negotiation. */
export type TreatyStatusRow = Omit<TreatyStatus, 'negotiationId'>

/** A row whose state name no actor answers to: reported to whoever imports, never guessed. */
export interface UnmatchedRow {
  line: number
  name: string
}

/** The statuses of a UNTC CSV and the rows naming no known state, or the first thing wrong. */
export type ParseTreatyStatusResult =
  { ok: true; rows: TreatyStatusRow[]; unmatched: UnmatchedRow[] } | { ok: false; error: CsvError }

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads the UNTC status CSV. Lines starting with `#` are comments; columns may come in any
 * order; an empty cell is unknown (null). Dates are YYYY-MM-DD; action_type is one of
 * ratification, accession, acceptance, approval, succession. Every row of `source`. A state may
 * appear once. Either the whole file is good (with its unmatched names listed) or an error.
 */
export function parseTreatyStatusCsv(
  text: string,
  resolveActor: (untcName: string) => string | null,
  source: string,
): ParseTreatyStatusResult {
  // Blank out comment lines so that readCsv skips them and line numbers stay the file's.
  const uncommented = text
    .split('\n')
    .map((l) => (/^\s*#/.test(l.replace(/^\uFEFF/, '')) ? '' : l))
    .join('\n')
  const read = readCsv(uncommented)
  if (!read.ok) return read
  const [header, ...records] = read.records
  if (!header)
    return fail(1, 1, `the file is empty; expected the header ${TREATY_STATUS_COLUMNS.join(',')}`)

  const at = new Map<TreatyColumn, number>()
  for (const [i, cell] of header.cells.entries()) {
    const name = cell.value.trim()
    if (!(TREATY_STATUS_COLUMNS as readonly string[]).includes(name)) {
      return fail(
        cell.line,
        cell.column,
        `unknown column "${name}"; expected ${TREATY_STATUS_COLUMNS.join(', ')}`,
      )
    }
    if (at.has(name as TreatyColumn))
      return fail(cell.line, cell.column, `the column "${name}" appears twice`)
    at.set(name as TreatyColumn, i)
  }
  const missing = REQUIRED.filter((c) => !at.has(c))
  if (missing.length > 0)
    return fail(
      header.line,
      1,
      `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column`,
    )

  const rows: TreatyStatusRow[] = []
  const unmatched: UnmatchedRow[] = []
  const where = new Map<string, number>()
  for (const record of records) {
    if (record.cells.length !== header.cells.length) {
      return fail(
        record.line,
        Math.min(record.cells.length, header.cells.length) + 1,
        `this row has ${record.cells.length} cells; the header has ${header.cells.length}`,
      )
    }
    const cell = (c: TreatyColumn) => {
      const i = at.get(c)
      return i === undefined ? undefined : record.cells[i]
    }
    const nameCell = cell('participant_untc_name')
    const name = nameCell?.value.trim() ?? ''
    if (!nameCell || name === '')
      return fail(
        record.line,
        (at.get('participant_untc_name') ?? 0) + 1,
        'the participant name is empty',
      )

    const dates: Partial<Record<TreatyColumn, string | null>> = {}
    for (const c of ['signature', 'provisional_application', 'action_date'] as const) {
      const d = cell(c)
      const value = d?.value.trim() ?? ''
      if (value !== '' && !isDate(value)) {
        return fail(
          record.line,
          d?.column ?? 1,
          `"${c}" must be a date YYYY-MM-DD or empty, not "${value}"`,
        )
      }
      dates[c] = value === '' ? null : value
    }
    const actionCell = cell('action_type')
    const actionText = actionCell?.value.trim().toLowerCase() ?? ''
    if (actionText !== '' && !(TREATY_ACTIONS as readonly string[]).includes(actionText)) {
      return fail(
        record.line,
        actionCell?.column ?? 1,
        `"action_type" must be one of ${TREATY_ACTIONS.join(', ')} or empty, not "${actionCell?.value ?? ''}"`,
      )
    }

    const actorId = resolveActor(name)
    if (actorId === null) {
      unmatched.push({ line: record.line, name })
      continue
    }
    const earlier = where.get(actorId)
    if (earlier !== undefined) {
      return fail(
        record.line,
        nameCell.column,
        `"${name}" is ${actorId}, already on line ${earlier}`,
      )
    }
    where.set(actorId, record.line)
    rows.push({
      actorId,
      signature: dates.signature ?? null,
      actionDate: dates.action_date ?? null,
      action: actionText === '' ? null : (actionText as TreatyAction),
      provisionalApplication: dates.provisional_application ?? null,
      declarations: cell('untc_footnote')?.value.trim() ?? '',
      source,
    })
  }
  return { ok: true, rows, unmatched }
}

// A real calendar day written YYYY-MM-DD.
function isDate(value: string): boolean {
  if (!DATE.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

const fail = (line: number, column: number, message: string): ParseTreatyStatusResult => ({
  ok: false,
  error: { line, column, message },
})

// How the UN Treaty Collection names states where neither the catalogue's common nor official
// name matches (after the normalisation below), by ISO 3166 alpha-3 id.
const UNTC_NAMES: Record<string, string> = {
  congo: 'COG',
  'cote divoire': 'CIV',
  'cabo verde': 'CPV',
  'czech republic': 'CZE',
  czechia: 'CZE',
  'holy see': 'VAT',
  'viet nam': 'VNM',
  turkiye: 'TUR',
  turkey: 'TUR',
  swaziland: 'SWZ',
  'the former yugoslav republic of macedonia': 'MKD',
  'united states of america': 'USA',
  'democratic republic of the congo': 'COD',
  'lao peoples democratic republic': 'LAO',
  'bolivia plurinational state of': 'BOL',
  'venezuela bolivarian republic of': 'VEN',
  'iran islamic republic of': 'IRN',
  'micronesia federated states of': 'FSM',
  'netherlands kingdom of the': 'NLD',
  'republic of korea': 'KOR',
  'democratic peoples republic of korea': 'PRK',
  'republic of moldova': 'MDA',
  'united republic of tanzania': 'TZA',
  'state of palestine': 'PSE',
  'russian federation': 'RUS',
  'syrian arab republic': 'SYR',
  'united kingdom of great britain and northern ireland': 'GBR',
  'brunei darussalam': 'BRN',
  'sao tome and principe': 'STP',
}

// Lower case, no accents, no apostrophes or brackets, "and"/"&" alike, single spaces.
function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[(),-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A resolver from UNTC participant names to the ids of `actors`: by name, official name, the
 * depositary's spellings ("Bolivia (Plurinational State of)", "Côte d'Ivoire", "Congo", "Holy
 * See", "Czech Republic") and "X (Y of)" read as "Y of X". A name two actors answer to resolves
 * to none (null), as does a name none does.
 */
export function untcNameResolver(actors: readonly Actor[]): (untcName: string) => string | null {
  const ids = new Set(actors.map((a) => a.id))
  const byName = new Map<string, string | null>()
  const add = (name: string | undefined, id: string) => {
    if (!name) return
    const key = normalise(name)
    const there = byName.get(key)
    byName.set(key, there === undefined || there === id ? id : null)
  }
  for (const a of actors) {
    add(a.name, a.id)
    add(a.officialName, a.id)
  }
  const aliases = new Map<string, string>()
  for (const [name, id] of Object.entries(UNTC_NAMES)) if (ids.has(id)) aliases.set(name, id)

  const lookUp = (name: string): string | null | undefined => aliases.get(name) ?? byName.get(name)
  return (untcName) => {
    const key = normalise(untcName)
    const direct = lookUp(key)
    if (direct !== undefined) return direct
    // "Bolivia (Plurinational State of)" → "Plurinational State of Bolivia".
    const m = /^(.+?)\s*\((.+)\)\s*$/.exec(untcName)
    if (m?.[1] && m[2]) {
      const turned = lookUp(normalise(`${m[2]} ${m[1]}`))
      if (turned !== undefined) return turned
    }
    return null
  }
}
