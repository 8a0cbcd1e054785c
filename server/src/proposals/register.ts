import * as Y from 'yjs'
import { STORAGE_ORIGIN, roomName } from '../../../shared/collab'
import {
  REGISTER_POSITIONS,
  REGISTER_PROPOSALS,
  type Position,
  type Proposal,
} from '../../../shared/domain/proposals/types'
import type { Storage } from '../storage/Storage'
import { hasBeenTabled } from './visibility'

/** The register room of a negotiation: tabled proposals and positions, written by the server. */
export const registerRoom = (negotiationId: string): string =>
  roomName({ negotiationId, kind: 'register' })

// Plain JSON values only: what a Y.Map holds as is, with no undefined fields.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Shows a proposal in the register as it now is; one never tabled is not (or no longer) there. */
export function putProposal(doc: Y.Doc, proposal: Proposal): void {
  const proposals = doc.getMap(REGISTER_PROPOSALS)
  if (hasBeenTabled(proposal)) proposals.set(proposal.id, plain(proposal))
  else if (proposals.has(proposal.id)) proposals.delete(proposal.id)
}

/** Adds a position to the register. */
export function putPosition(doc: Y.Doc, position: Position): void {
  doc.getMap(REGISTER_POSITIONS).set(position.id, plain(position))
}

/** The Yjs update of a register holding these proposals and positions, from scratch. */
export function registerUpdate(proposals: readonly Proposal[], positions: readonly Position[]) {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      proposals.forEach((p) => putProposal(doc, p))
      positions.forEach((p) => putPosition(doc, p))
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Rebuilds the register room of every negotiation whose room is empty while its tables hold
 * tabled proposals (a lost room, or a database from before the register existed).
 */
export async function rebuildEmptyRegisters(storage: Storage): Promise<string[]> {
  const rebuilt: string[] = []
  for (const { id } of await storage.listNegotiations()) {
    const name = registerRoom(id)
    const doc = new Y.Doc()
    const updates = await storage.loadRoom(name)
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)), STORAGE_ORIGIN)
    const empty = doc.getMap(REGISTER_PROPOSALS).size === 0
    doc.destroy()
    if (!empty) continue
    const proposals = (await storage.proposals.list(id)).filter(hasBeenTabled)
    if (proposals.length === 0) continue
    const positions = await storage.proposals.listPositions(id)
    const update = registerUpdate(proposals, positions)
    await storage.atomically(async (tx) => tx.appendUpdate(name, update))
    rebuilt.push(id)
  }
  return rebuilt
}
