import * as Y from 'yjs'

/**
 * Names every keystroke an update carries, however many clients' keystrokes a server merged
 * into it: an inserted character is `client:clock` (each clock of each struct), a deleted one
 * `-client:clock` (each clock of the delete set). The sender names its own update the same way,
 * so a name matches across sender and receivers whatever the server merged or split.
 */
export function keystrokeNames(update: Uint8Array): string[] {
  const { structs, ds } = Y.decodeUpdate(update)
  const names: string[] = []
  for (const struct of structs) {
    // A Skip is a gap a merge left between two runs of one client: nothing delivered.
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    for (let i = 0; i < struct.length; i++) names.push(`${client}:${clock + i}`)
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      for (let i = 0; i < len; i++) names.push(`-${client}:${clock + i}`)
    }
  }
  return names
}
