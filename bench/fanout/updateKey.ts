import * as decoding from 'lib0/decoding'

/**
 * Names a keystroke's update by its first item id (`client:clock`), or for a pure deletion by
 * the first id it deletes (`-client:clock`): the same on the sender and on every receiver, and
 * read from the update's header without decoding its structs.
 */
export function updateKey(update: Uint8Array): string | undefined {
  const decoder = decoding.createDecoder(update)
  // Update v1: [clients, then per client: structCount, client, clock, structs...][delete set]
  const clients = decoding.readVarUint(decoder)
  if (clients > 0) {
    decoding.readVarUint(decoder) // struct count
    const client = decoding.readVarUint(decoder)
    return `${client}:${decoding.readVarUint(decoder)}`
  }
  // Delete set: [clients, then per client: client, ranges, (clock, len)...]
  if (decoding.readVarUint(decoder) === 0) return undefined
  const client = decoding.readVarUint(decoder)
  if (decoding.readVarUint(decoder) === 0) return undefined
  return `-${client}:${decoding.readVarUint(decoder)}`
}
