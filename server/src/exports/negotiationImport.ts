import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT, isValidSegment, parseRoomName } from '../../../shared/collab'
import type { Membership } from '../../../shared/domain/policy'
import { treatySchema } from '../../../shared/schema'
import { isKnownActor } from '../actors/catalogue'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { registerRoom, registerUpdate } from '../proposals/register'
import { freezeUpdate } from '../numbering/freezeCirculated'
import { hasBeenTabled } from '../proposals/visibility'
import type { StoredRoundSnapshot } from '../storage/RoundStore'
import type { InitialRoom, Negotiation, Storage } from '../storage/Storage'
import { NegotiationExportSchema, type NegotiationExport } from './negotiationFormat'
import { stancesOf, writeStances } from './stancesImport'

/** How to import: under another id than the file's, and whether to restore memberships. */
export interface ImportOptions {
  id?: string
  /** Give accounts of this instance with the exported usernames their memberships again. */
  members?: boolean
}

/** What an import created. */
export interface ImportOutcome {
  negotiation: Negotiation
  counts: Record<string, number>
  /** Usernames of the file with no account here (not restored). */
  skippedMembers: string[]
}

/**
 * Imports a negotiation exported by `exportNegotiation` as a new negotiation, all or nothing:
 * 400 for a file that does not parse, whose rooms do not decode or whose text disagrees with
 * its Yjs state; 409 for an id (or a record id) already taken. The register room is rebuilt
 * from the proposals and positions, so it names the new id.
 */
export async function importNegotiation(
  storage: Storage,
  body: unknown,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const data = parseBody(NegotiationExportSchema, body)
  const id = options.id ?? data.negotiation.id
  if (!isValidSegment(id)) {
    throw new HttpError(400, 'invalid_id', `"${id}" is not a valid id (a-z, 0-9, -).`)
  }
  if (await storage.getNegotiation(id)) throw idTaken(id)

  const rooms = decodeRooms(data, id)
  const proposals = data.proposals.map((p) => ({ ...p, negotiationId: id }))
  const proposalIds = new Set(proposals.map((p) => p.id))
  const positions = data.positions
  for (const p of positions) {
    if (!proposalIds.has(p.proposalId)) {
      throw invalid(`position ${p.id} is on a proposal the file does not have (${p.proposalId})`)
    }
  }
  for (const p of data.participants) {
    if (!isKnownActor(p.actorId)) throw invalid(`unknown actor "${p.actorId}" among participants`)
  }
  const stances = stancesOf(data, id, proposalIds)
  const coalitionMembers = coalitionMembersOf(data)
  rooms.push({
    room: registerRoom(id),
    update: registerUpdate(proposals.filter(hasBeenTabled), positions),
  })
  const { members, skipped } = await resolveMembers(storage, data, options)
  const snapshots = decodeSnapshots(data)
  const events = [...(data.events ?? [])].sort((a, b) => a.seq - b.seq)
  const concordances = [...(data.concordances ?? [])].sort((a, b) => a.seq - b.seq)
  // A text circulated before numbers could freeze (a schema 2 file) is frozen on the way in,
  // as the start-up migration does for texts already here.
  if (snapshots.length > 0) freezeOnImport(rooms, `${id}/text`)

  let created: Negotiation | null = null
  try {
    await storage.atomically(async (tx) => {
      const result = await tx.createNegotiation(
        { id, name: data.negotiation.name },
        rooms,
        data.rounds,
      )
      if (!result.ok) throw idTaken(id)
      created = result.negotiation
      for (const r of data.rounds) if (r.openedAt) await tx.rounds.open(id, r.id, r.openedAt)
      for (const s of snapshots) await tx.rounds.close(id, s)
      // A round can have closed before there was a text to freeze (Oslo in the demo).
      const frozen = new Set(snapshots.map((s) => s.roundId))
      for (const r of data.rounds) {
        if (r.closedAt && !frozen.has(r.id)) await tx.rounds.end(id, r.id, r.closedAt)
      }
      for (const p of proposals) {
        await tx.proposals.put(p)
        for (const change of p.history) await tx.proposals.addStatusChange(id, p.id, change)
      }
      for (const p of positions) await tx.proposals.addPosition(id, p)
      await tx.participants.replaceAll(id, data.participants)
      for (const g of data.groups) {
        const group = await tx.members.createGroup(id, g)
        if (!group.ok) throw invalid(`the group "${g.id}" appears twice`)
      }
      for (const m of coalitionMembers) {
        await tx.members.setCoalitionMembers(id, m.groupId, m.roundId, m.actorIds)
      }
      for (const { accountId, membership } of members) {
        await tx.members.put(id, accountId, membership)
      }
      // The log numbers events anew (its seq is this instance's); their order is kept.
      for (const event of events.map(({ seq: _seq, ...e }) => e)) {
        await tx.events.append({ ...event, negotiationId: id })
      }
      for (const c of concordances.map(({ seq: _seq, ...c }) => c)) {
        await tx.concordances.append({ ...c, negotiationId: id })
      }
      await writeStances(tx, id, stances)
    })
  } catch (error) {
    if (error instanceof HttpError) throw error
    // A unique constraint: a record of the file (a position id) exists in this instance.
    if (/UNIQUE|PRIMARY KEY|constraint/i.test(String((error as Error).message))) {
      throw new HttpError(
        409,
        'conflict',
        'Records of this file exist already in this instance; nothing was imported.',
      )
    }
    throw error
  }
  if (!created) throw new Error('the import transaction created nothing')
  return {
    negotiation: created,
    counts: {
      rooms: rooms.length,
      proposals: proposals.length,
      positions: positions.length,
      participants: data.participants.length,
      groups: data.groups.length,
      members: members.length,
      roundSnapshots: snapshots.length,
      events: events.length,
      concordances: concordances.length,
      issues: stances.issues.length,
      statements: stances.statements.length,
      papers: stances.papers.length,
      declarations: stances.declarations.length,
      endorsements: stances.endorsements.length,
      roundCounts: stances.roundCounts.length,
      treatyStatus: stances.treatyStatus.length,
      targetLists: stances.targetLists.length,
      campaignActions: stances.campaignActions.length,
    },
    skippedMembers: skipped,
  }
}

const idTaken = (id: string) =>
  new HttpError(409, 'id_taken', `A negotiation "${id}" already exists.`)

const invalid = (message: string) => new HttpError(400, 'invalid_export', message)

// Every room decodes into a fresh document, and the text's matches the file's ProseMirror JSON.
function decodeRooms(data: NegotiationExport, id: string): InitialRoom[] {
  const rooms: InitialRoom[] = []
  const seen = new Set<string>()
  for (const { name, update: encoded } of data.rooms) {
    const ref = parseRoomName(`${id}/${name}`)
    if (!ref) throw invalid(`"${name}" is not a room of a negotiation`)
    if (ref.kind === 'register') continue
    if (seen.has(name)) throw invalid(`the room "${name}" appears twice`)
    seen.add(name)
    const update = new Uint8Array(Buffer.from(encoded, 'base64'))
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, update)
      if (ref.kind === 'text') checkText(doc, data.text)
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw invalid(`the room "${name}" does not decode as a Yjs document`)
    } finally {
      doc.destroy()
    }
    rooms.push({ room: `${id}/${name}`, update })
  }
  if (!seen.has('text')) throw invalid('the file has no text room')
  return rooms
}

// Each frozen text fits the schema, and its Yjs state decodes to the same text.
function decodeSnapshots(data: NegotiationExport): StoredRoundSnapshot[] {
  const rounds = new Set(data.rounds.map((r) => r.id))
  return (data.roundSnapshots ?? []).map(({ state: encoded, ...s }) => {
    if (!rounds.has(s.roundId)) throw invalid(`a frozen text of an unknown round "${s.roundId}"`)
    const state = new Uint8Array(Buffer.from(encoded, 'base64'))
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, state)
      checkText(doc, s.doc)
    } catch (error) {
      if (error instanceof HttpError) throw error
      throw invalid(`the frozen text of "${s.roundId}" does not decode`)
    } finally {
      doc.destroy()
    }
    return { ...s, state }
  })
}

// The file's text is read through today's schema first, so that a schema 2 file (no `label`
// or `bracketed` attrs) compares with its Yjs state read today (the attrs at their defaults).
function checkText(doc: Y.Doc, text: unknown): void {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
  node.check()
  let expected: unknown
  try {
    expected = treatySchema.nodeFromJSON(text).toJSON()
  } catch {
    throw invalid('the text of the file does not fit the treaty schema')
  }
  if (JSON.stringify(node.toJSON()) !== JSON.stringify(expected)) {
    throw invalid('the text room and the text of the file differ')
  }
}

// Appends to the text room's first state the update that freezes its numbers, if any.
function freezeOnImport(rooms: InitialRoom[], textRoom: string): void {
  const text = rooms.find((r) => r.room === textRoom)
  if (!text) return
  const update = freezeUpdate([text.update])
  if (update) text.update = Y.mergeUpdates([text.update, update])
}

async function resolveMembers(
  storage: Storage,
  data: NegotiationExport,
  options: ImportOptions,
): Promise<{ members: { accountId: string; membership: Membership }[]; skipped: string[] }> {
  const members: { accountId: string; membership: Membership }[] = []
  const skipped: string[] = []
  if (!options.members) return { members, skipped }
  const groups = new Set(data.groups.map((g) => g.id))
  for (const m of data.members ?? []) {
    const account = await storage.accounts.findByUsername(m.username)
    const groupMissing = m.membership.role === 'campaigner' && !groups.has(m.membership.groupId)
    if (!account || groupMissing) skipped.push(m.username)
    else members.push({ accountId: account.id, membership: m.membership })
  }
  return { members, skipped }
}

// Each membership list is of a coalition of the file, in one of its rounds (or from the start),
// and names known actors.
function coalitionMembersOf(
  data: NegotiationExport,
): NonNullable<NegotiationExport['coalitionMembers']> {
  const coalitions = new Set(data.groups.filter((g) => g.kind === 'coalition').map((g) => g.id))
  const rounds = new Set(data.rounds.map((r) => r.id))
  const lists = data.coalitionMembers ?? []
  for (const m of lists) {
    if (!coalitions.has(m.groupId))
      throw invalid(`members of "${m.groupId}", not a coalition of the file`)
    if (m.roundId !== null && !rounds.has(m.roundId)) {
      throw invalid(`members of "${m.groupId}" in an unknown round "${m.roundId}"`)
    }
    const unknown = m.actorIds.find((a) => !isKnownActor(a))
    if (unknown !== undefined) throw invalid(`unknown actor "${unknown}" in "${m.groupId}"`)
  }
  return lists
}
