import fs from 'node:fs'
import path from 'node:path'
import { ScenarioSchema } from '../../../shared/domain/rounds'
import type { Storage } from '../storage/Storage'
import { DEMO_PARTICIPANTS, readParticipantsFile } from './demoParticipants'
import { importNegotiation } from './importNegotiation'

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures')

/** The demo scenario loaded on a first start: the CCM text with the Oslo Process rounds. */
export const DEMO_SCENARIO = path.join(FIXTURES, 'oslo-process-rounds.json')

/** Imports the demo negotiation and its participants if the database holds none yet. */
export async function loadDemoIfEmpty(
  storage: Storage,
  scenarioFile: string = DEMO_SCENARIO,
  participantsFile: string = DEMO_PARTICIPANTS,
): Promise<boolean> {
  if ((await storage.listNegotiations()).length > 0) return false
  const scenario = ScenarioSchema.parse(JSON.parse(fs.readFileSync(scenarioFile, 'utf8')))
  // Read before anything is stored, so that a broken spreadsheet leaves the database empty.
  const participants = readParticipantsFile(
    participantsFile,
    scenario.rounds.map((r) => r.id),
  )
  const textFile = path.resolve(path.dirname(scenarioFile), scenario.negotiation.text)
  const result = await importNegotiation(storage, {
    text: fs.readFileSync(textFile, 'utf8'),
    name: scenario.negotiation.name,
    id: scenario.negotiation.id,
    rounds: scenario.rounds,
  })
  if (!result.ok) {
    throw new Error(`the demo text ${textFile} does not import: ${JSON.stringify(result)}`)
  }
  await storage.participants.replaceAll(result.negotiation.id, participants)
  return true
}
