import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab'
import { SLOW_READER_BYTES } from '../../server/src/collab/Connection'
import { clauseText, waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const ROOM = 'ccm/text'
// Each edit is one update message of this many characters (the server's limit is 1 MiB).
const EDIT_CHARS = 512 * 1024

describe('a reader that stops reading', () => {
  const harness = useTestServer([])
  const warn = vi.spyOn(console, 'warn')
  afterEach(() => warn.mockClear())

  it('is cut off with SlowReader while the others keep receiving every update', async () => {
    const writer = await harness.connect('chair', ROOM)
    const reader = await harness.connect('observer', ROOM)

    // A real socket in the room that stops reading once the server has started its sync: its
    // kernel buffers fill, then what the server holds for it grows.
    const token = await harness.server.tokenFor('france')
    const stalled = new WebSocket(`${harness.server.wsUrl}/${ROOM}?token=${token}`)
    const closed = new Promise<number>((resolve) => stalled.on('close', (code) => resolve(code)))
    stalled.on('error', () => {}) // a reset is one way for it to end
    await new Promise((resolve) => stalled.once('message', resolve))
    stalled.pause()

    const cutOff = () => warn.mock.calls.some((args) => String(args[0]).includes('SlowReader'))
    const text = clauseText(writer.doc, 2, 1)
    const sent: string[] = []
    // Enough to fill both sides' kernel buffers and the bound; stops once the server cut it off.
    for (let i = 0; i < 80 && !cutOff(); i++) {
      const edit = `${i}:`.padEnd(EDIT_CHARS, String.fromCharCode(97 + (i % 26)))
      text.insert(0, edit)
      sent.push(edit)
      await waitFor('the reader to receive the edit', () =>
        clauseText(reader.doc, 2, 1).toString().startsWith(`${i}:`),
      )
    }
    expect(sent.length * EDIT_CHARS).toBeGreaterThan(SLOW_READER_BYTES)
    await waitFor('the server to cut the stalled reader off', cutOff, 30_000)
    const said = warn.mock.calls
      .map((args) => String(args[0]))
      .find((m) => m.includes('SlowReader'))
    expect(said).toMatch(/fell behind \(\d+\.\d MiB waiting\): SlowReader/)
    expect(CloseCode.SlowReader).toBeGreaterThanOrEqual(4000)
    expect(CloseCode.SlowReader < 4400 || CloseCode.SlowReader >= 4500).toBe(true)

    // The socket ends: it reads what reached it, then finds the connection gone (the close
    // frame sat behind the backlog the server dropped, so the code is abnormal or SlowReader).
    stalled.resume()
    const code = await closed
    expect([CloseCode.SlowReader, 1006]).toContain(code)

    // The room goes on: more edits reach the reader, which converges with the writer.
    for (let i = 0; i < 20; i++) text.insert(0, `after ${i} `)
    await waitFor('the reader to converge', () =>
      clauseText(reader.doc, 2, 1).toString().startsWith('after 19 '),
    )
    const stateOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex')
    await waitFor('the same state', () => stateOf(reader.doc) === stateOf(writer.doc))
    expect(clauseText(reader.doc, 2, 1).toString()).toBe(text.toString())
    expect(reader.provider.wsconnected).toBe(true)
  }, 120_000)
})
