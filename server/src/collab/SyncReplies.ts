import type * as Y from 'yjs'
import { encodeSyncStep1, encodeSyncStep2 } from './protocol'

// Replies kept per state vector; many readers send the same one (empty, or the current state).
const MAX_STEP2_REPLIES = 8

/**
 * A room's sync messages, each encoded once per document state (issue 15: connect cost): its
 * sync step 1, and its sync step 2 for each state vector clients sent, until the document
 * changes. A thousand readers joining at once cost one encoding of the document, not a thousand.
 */
export class SyncReplies {
  private step1: Uint8Array | undefined
  private readonly step2 = new Map<string, Uint8Array>()

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.clear)
  }

  /** The server's sync step 1 for the document as it is now. */
  syncStep1(): Uint8Array {
    return (this.step1 ??= encodeSyncStep1(this.doc))
  }

  /** The server's sync step 2 for a client's state vector, for the document as it is now. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(
      stateVector.buffer,
      stateVector.byteOffset,
      stateVector.byteLength,
    ).toString('base64')
    const cached = this.step2.get(key)
    if (cached) return cached
    const reply = encodeSyncStep2(this.doc, stateVector)
    if (this.step2.size >= MAX_STEP2_REPLIES) this.step2.clear()
    this.step2.set(key, reply)
    return reply
  }

  /** Stops following the document. */
  destroy(): void {
    this.doc.off('update', this.clear)
    this.clear()
  }

  private readonly clear = (): void => {
    this.step1 = undefined
    this.step2.clear()
  }
}
