import fs from 'node:fs'
import path from 'node:path'
import { ScenarioSchema } from '../../../shared/domain/rounds'
import type { Storage } from '../storage/Storage'
import { DEMO_ACCOUNTS, DemoAccountsSchema } from './demoAccounts'
import { DEMO_MANY_HANDS, readManyHandsDemo, writeDemoCoalitions } from './demoManyHands'
import { DEMO_PARTICIPANTS, readParticipantsFile } from './demoParticipants'
import {
  articleIdsOf,
  DEMO_PROPOSALS,
  DEMO_RECORDER,
  demoProposalIds,
  readDemoProposals,
  writeDemoProposals,
} from './demoProposals'
import { demoProposalEvents, DEMO_ROUNDS, readDemoRounds, writeDemoRounds } from './demoRounds'
import {
  DEMO_STANCE_FILES,
  readDemoStances,
  writeDemoStances,
  type DemoStanceFiles,
} from './demoStances'
import { prepareImport } from './importNegotiation'
import { fixturePath } from '../paths'

const FIXTURES = fixturePath()

/** The demo scenario loaded on a first start: the CCM text with the Oslo Process rounds. */
export const DEMO_SCENARIO = path.join(FIXTURES, 'oslo-process-rounds.json')

/**
 * Imports the demo negotiation if the database holds none yet, in one transaction: the text,
 * its rounds (the earlier ones closed with their synthetic texts frozen, the last open), the
 * proposals with their histories, positions, register and draft rooms, the events of all of it,
 * its participants, and who stands where (the Vienna report's issues, attributed positions and
 * target lists, the declarations with their counts, the treaty status), and the coalitions of
 * the many-hands file (its sessions and notes name accounts: `loadDemoAccounts` writes them).
 * Every file is read and checked before anything is stored, so a broken one leaves the database
 * empty.
 */
export async function loadDemoIfEmpty(
  storage: Storage,
  scenarioFile: string = DEMO_SCENARIO,
  participantsFile: string = DEMO_PARTICIPANTS,
  proposalsFile: string = DEMO_PROPOSALS,
  roundsDir: string = DEMO_ROUNDS,
  stanceFiles: DemoStanceFiles = DEMO_STANCE_FILES,
  manyHandsFile: string = DEMO_MANY_HANDS,
  accountsFile: string = DEMO_ACCOUNTS,
): Promise<boolean> {
  if ((await storage.listNegotiations()).length > 0) return false
  const scenario = ScenarioSchema.parse(JSON.parse(fs.readFileSync(scenarioFile, 'utf8')))
  // Read before anything is stored, so that a broken spreadsheet leaves the database empty.
  const participants = readParticipantsFile(
    participantsFile,
    scenario.rounds.map((r) => r.id),
  )
  const textFile = path.resolve(path.dirname(scenarioFile), scenario.negotiation.text)
  const result = await prepareImport(storage, {
    text: fs.readFileSync(textFile, 'utf8'),
    name: scenario.negotiation.name,
    id: scenario.negotiation.id,
    rounds: scenario.rounds,
  })
  if (!result.ok) {
    throw new Error(`the demo text ${textFile} does not import: ${JSON.stringify(result)}`)
  }
  const { negotiation, rooms, rounds } = result.prepared
  const text = rooms[0]
  if (!text) throw new Error('an import has a text room')
  const stances = readDemoStances(
    {
      negotiationId: negotiation.id,
      roundIds: scenario.rounds.map((r) => r.id),
      proposalIds: demoProposalIds(proposalsFile),
      articleIds: articleIdsOf(text.update),
      recorder: DEMO_RECORDER,
      now: new Date().toISOString(),
    },
    stanceFiles,
  )
  const proposals = readDemoProposals(proposalsFile, negotiation.id, text.update, stances.positions)
  const history = readDemoRounds(negotiation.id, rounds ?? [], roundsDir)
  const manyHands = readManyHandsDemo(manyHandsFile, {
    negotiationId: negotiation.id,
    textUpdate: text.update,
    participantIds: participants.map((p) => p.actorId),
    roundIds: scenario.rounds.map((r) => r.id),
    issueIds: stances.issues.map((i) => i.id),
    accounts: DemoAccountsSchema.parse(JSON.parse(fs.readFileSync(accountsFile, 'utf8'))),
  })
  await storage.atomically(async (tx) => {
    const created = await tx.createNegotiation(negotiation, [...rooms, ...proposals.rooms], rounds)
    if (!created.ok) throw new Error(`the demo negotiation "${negotiation.id}" exists already`)
    await writeDemoProposals(tx, proposals)
    await writeDemoRounds(
      tx,
      negotiation.id,
      history,
      demoProposalEvents(proposals.proposals, proposals.positions),
    )
    await tx.participants.replaceAll(negotiation.id, participants)
    await writeDemoStances(tx, stances)
    await writeDemoCoalitions(tx, negotiation.id, manyHands.demo)
  })
  return true
}
