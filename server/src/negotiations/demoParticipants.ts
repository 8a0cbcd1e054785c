import fs from 'node:fs'
import path from 'node:path'
import { parseCsv, type Participant } from '../../../shared/domain/actors'
import { isKnownActor } from '../actors/catalogue'

/** The demo's states spreadsheet: who took part in the Oslo Process, with what record. */
export const DEMO_PARTICIPANTS = path.resolve(
  import.meta.dirname,
  '../../../fixtures/oslo-process-participants.csv',
)

/** Reads a participants spreadsheet for a negotiation's rounds; throws, naming line and column. */
export function readParticipantsFile(file: string, roundIds: readonly string[]): Participant[] {
  const parsed = parseCsv(fs.readFileSync(file, 'utf8'), isKnownActor, roundIds)
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    throw new Error(`${file}:${line}:${column}: ${message}`)
  }
  return parsed.participants
}
