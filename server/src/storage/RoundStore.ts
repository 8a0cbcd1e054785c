import type { RoundSnapshot } from '../../../shared/domain/events'
import type { Round, RoundState } from '../../../shared/domain/rounds'

/** A round's frozen text as stored: the snapshot and the Yjs state of the text room then. */
export interface StoredRoundSnapshot extends RoundSnapshot {
  /** `Y.encodeStateAsUpdate` of the text room when the round closed. */
  state: Uint8Array
}

/** The rounds of each negotiation with their status, and the texts frozen when they closed. */
export interface RoundStore {
  /** The rounds of a negotiation in order, with status and snapshot name. */
  list(negotiationId: string): Promise<RoundState[]>
  /** The text frozen when a round closed, or null (unknown round, or not closed). */
  snapshot(negotiationId: string, roundId: string): Promise<StoredRoundSnapshot | null>
  /** Every frozen text of a negotiation, in round order. */
  snapshots(negotiationId: string): Promise<StoredRoundSnapshot[]>
}

/** Round writes inside `storage.atomically`. */
export interface RoundWrites {
  /** Adds a round after the negotiation's others, planned. */
  add(negotiationId: string, round: Round): Promise<void>
  /** Marks a round open at `at`. */
  open(negotiationId: string, roundId: string, at: string): Promise<void>
  /** Marks a round closed at the snapshot's `closedAt` and freezes its text. */
  close(negotiationId: string, snapshot: StoredRoundSnapshot): Promise<void>
  /** Marks a round closed at `at` with no text frozen (a conference without one, as Oslo). */
  end(negotiationId: string, roundId: string, at: string): Promise<void>
}
