import fs from 'node:fs'
import { parseCsv, type Participant } from '../../../shared/domain/actors'
import { isKnownActor } from '../actors/catalogue'
import { fixturePath } from '../paths'

/** The demo's states spreadsheet: who took part in the Oslo Process, with what record. */
export const DEMO_PARTICIPANTS = fixturePath('oslo-process-participants.csv')

/** Reads a participants spreadsheet for a negotiation's rounds; throws, naming line and column. */
export function readParticipantsFile(file: string, roundIds: readonly string[]): Participant[] {
  const parsed = parseCsv(fs.readFileSync(file, 'utf8'), isKnownActor, roundIds)
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    throw new Error(`${file}:${line}:${column}: ${message}`)
  }
  return parsed.participants
}
