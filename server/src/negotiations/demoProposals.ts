import fs from 'node:fs'
import * as Y from 'yjs'
import { STORAGE_ORIGIN } from '../../../shared/collab'
import {
  ScenarioProposalsSchema,
  resolveQuote,
  scenarioPosition,
  scenarioProposal,
  wordingDoc,
} from '../../../shared/domain/proposals/scenario'
import type { Position, Proposal } from '../../../shared/domain/proposals/types'
import { makeAnchor, textView } from '../proposals/anchors'
import { registerRoom, registerUpdate } from '../proposals/register'
import { draftRoom, hasBeenTabled } from '../proposals/visibility'
import { startingWording, wordingUpdate } from '../proposals/wording'
import type { InitialRoom, StorageTransaction } from '../storage/Storage'
import { fixturePath } from '../paths'

/** The demo's proposals and positions (the Vienna conference), loaded on a first start. */
export const DEMO_PROPOSALS = fixturePath('vienna-proposals.json')

/** The account id the demo's records name as who recorded them (no one signs in as it). */
export const DEMO_RECORDER = 'demo-scenario'

/** The demo's proposals, their positions, and the first state of their rooms. */
export interface DemoProposals {
  proposals: Proposal[]
  positions: Position[]
  /** The register room and each proposal's draft room. */
  rooms: InitialRoom[]
}

/** The ids of the proposals of the demo's file (read again, whole, by `readDemoProposals`). */
export function demoProposalIds(file: string): string[] {
  const scenario = ScenarioProposalsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  return scenario.proposals.map((p) => p.id)
}

/** The stable ids of the articles of a text room's first state, in order. */
export function articleIdsOf(textUpdate: Uint8Array): string[] {
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, textUpdate, STORAGE_ORIGIN)
    const ids: string[] = []
    textView(ydoc).doc.forEach((node) => {
      if (node.type.name === 'article') ids.push(String(node.attrs.id))
    })
    return ids
  } finally {
    ydoc.destroy()
  }
}

/**
 * Builds the demo's proposals against the text room's first state: each quote is found in its
 * article and anchored as Yjs relative positions into exactly that state. `reported` are the
 * positions a source attributes (the Vienna report's, `demoStances.ts`); the file's own may
 * only be synthetic. Throws, storing nothing, if the file is malformed, a quote is not once in
 * its article, or a position is on no proposal of the file.
 */
export function readDemoProposals(
  file: string,
  negotiationId: string,
  textUpdate: Uint8Array,
  reported: readonly Position[] = [],
): DemoProposals {
  const scenario = ScenarioProposalsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  if (scenario.negotiationId !== negotiationId) {
    throw new Error(`${file} is for "${scenario.negotiationId}", not "${negotiationId}"`)
  }
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, textUpdate, STORAGE_ORIGIN)
    const view = textView(ydoc)
    const proposals = scenario.proposals.map((sp) => {
      const range =
        sp.quote === null || sp.articleId === null
          ? null
          : resolveQuote(view.doc, sp.articleId, sp.quote)
      if (sp.quote !== null && !range) {
        throw new Error(`${file}: "${sp.quote}" is not once in ${sp.articleId} (${sp.id})`)
      }
      const anchor = range ? makeAnchor(view, range) : null
      return scenarioProposal(sp, { negotiationId, anchor, accountId: DEMO_RECORDER })
    })
    const own = scenario.positions.map((p) => {
      if (!p.synthetic) {
        throw new Error(
          `${file}: ${p.id} is not synthetic; a sourced position belongs in the report's table`,
        )
      }
      return { ...scenarioPosition(p, DEMO_RECORDER), provenance: 'synthetic' as const }
    })
    const positions = [...reported, ...own]
    const ids = new Set(proposals.map((p) => p.id))
    for (const p of positions) {
      if (!ids.has(p.proposalId))
        throw new Error(`position ${p.id} is on an unknown proposal ${p.proposalId}`)
    }
    const drafts = scenario.proposals.map((sp) => ({
      room: draftRoom(negotiationId, sp.id),
      update: wordingUpdate(
        sp.wording
          ? wordingDoc(sp.wording)
          : startingWording(sp.quote, sp.params.kind === 'new-article'),
      ),
    }))
    const register = {
      room: registerRoom(negotiationId),
      update: registerUpdate(proposals.filter(hasBeenTabled), positions),
    }
    return {
      proposals,
      positions,
      rooms: [register, ...drafts],
    }
  } finally {
    ydoc.destroy()
  }
}

/** Writes the demo's proposals, their histories and positions inside a storage transaction. */
export async function writeDemoProposals(
  tx: StorageTransaction,
  demo: DemoProposals,
): Promise<void> {
  for (const p of demo.proposals) {
    await tx.proposals.put(p)
    for (const change of p.history) {
      await tx.proposals.addStatusChange(p.negotiationId, p.id, change)
    }
  }
  for (const p of demo.positions) {
    const proposal = demo.proposals.find((q) => q.id === p.proposalId)
    if (!proposal) throw new Error(`position ${p.id} is on an unknown proposal ${p.proposalId}`)
    await tx.proposals.addPosition(proposal.negotiationId, p)
  }
}
