import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../../server/src/collab/protocol'
import { clauseText, waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const ROOM = 'ccm/text'

// A bare socket in the room with its own document: it asks for the room's state, applies every
// update it hears, and keeps each update message it heard after the sync.
async function bareClient(url: string) {
  const ws = new WebSocket(url)
  const doc = new Y.Doc()
  const heard: Uint8Array[] = []
  let synced = false
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== 0) return // presence
    const type = decoding.readVarUint(decoder)
    if (type === 0) return // the server's sync step 1: this client sends nothing of its own
    const update = decoding.readVarUint8Array(decoder)
    Y.applyUpdate(doc, update, 'server')
    if (type === 1) synced = true
    else heard.push(update)
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  ws.send(encodeSyncStep1(new Y.Doc()))
  await waitFor('the sync step 2', () => synced)
  return { ws, doc, heard }
}

describe('fan-out of a room', () => {
  const harness = useTestServer([])
  const url = async (who: string) =>
    `${harness.server.wsUrl}/${ROOM}?token=${await harness.server.tokenFor(who)}`

  it('merges a burst into few messages, never echoes a sender, and everyone converges', async () => {
    const writer = await bareClient(await url('chair'))
    const reader = await bareClient(await url('observer'))
    const provider = await harness.connect('chair', ROOM)

    // 60 keystrokes sent at once, each its own message, as a fast typist's provider sends them.
    const typed: Uint8Array[] = []
    writer.doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') typed.push(u)
    })
    for (let i = 0; i < 60; i++) clauseText(writer.doc, 1, 1).insert(0, String(i % 10))
    typed.forEach((u) => writer.ws.send(encodeUpdate(u)))

    const text = () => clauseText(writer.doc, 1, 1).toString()
    await waitFor(
      'the reader to have every keystroke',
      () => clauseText(reader.doc, 1, 1).toString() === text(),
    )
    await waitFor(
      'the provider to have every keystroke',
      () => clauseText(provider.doc, 1, 1).toString() === text(),
    )
    // Merged per window: fewer messages than keystrokes (the server queues each, 10 ms windows).
    expect(reader.heard.length).toBeGreaterThan(0)
    expect(reader.heard.length).toBeLessThan(typed.length)
    // The writer hears nothing of its own keystrokes.
    const ownStructs = writer.heard.flatMap((u) =>
      Y.decodeUpdate(u).structs.filter((s) => s.id.client === writer.doc.clientID),
    )
    expect(ownStructs).toEqual([])

    // Another typist's keystroke reaches the writer.
    clauseText(provider.doc, 1, 1).insert(0, 'P')
    await waitFor('the writer to hear the other typist', () => text().startsWith('P'))
    writer.ws.close()
    reader.ws.close()
  })
})
