import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { outlineOf } from '../../shared/domain/numbering'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { spawnServer, type ServerProcess } from '../support/spawnServer'
import { DEMO_PASSWORD, createToken, login, tempDataDir } from '../support/startServer'

// How many of `author`'s updates `doc` holds (Yjs clocks count every inserted character).
const clockOf = (doc: Y.Doc, author: number): number =>
  Y.decodeStateVector(Y.encodeStateVector(doc)).get(author) ?? 0

// Types one random letter at a random place in a clause, as a delegate would.
const keystroke = (client: CollabClient, article: number, letter: string) => {
  const text = clauseText(client.doc, article, 1)
  text.insert(Math.floor(Math.random() * (text.length + 1)), letter)
}

describe('kill -9 while two clients type', () => {
  const dataDir = tempDataDir()
  const servers: ServerProcess[] = []
  const clients: CollabClient[] = []
  afterEach(() => {
    clients.splice(0).forEach((c) => c.destroy())
    servers.splice(0).forEach((s) => s.child.kill('SIGKILL'))
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps every edit either client had seen', async () => {
    const first = await spawnServer(dataDir)
    servers.push(first)
    const token = await createToken(first.url, await login(first.url, 'chair', DEMO_PASSWORD))
    const a = connectClient(first.wsUrl, 'ccm/text', { token })
    const b = connectClient(first.wsUrl, 'ccm/text', { token })
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])

    // Both type, in their own clauses and in a shared one, until the process dies.
    const typing = [
      setInterval(() => keystroke(a, 0, 'a'), 1),
      setInterval(() => keystroke(b, 1, 'b'), 1),
      setInterval(() => keystroke(Math.random() < 0.5 ? a : b, 2, 'x'), 2),
    ]
    await waitFor(
      'each client to see 150 of the other’s keystrokes',
      () => clockOf(a.doc, b.doc.clientID) > 150 && clockOf(b.doc, a.doc.clientID) > 150,
    )
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    typing.forEach(clearInterval)
    // Whatever reached a client came from the dead server's broadcasts: all of it must be stored.
    const seenByA = clockOf(a.doc, b.doc.clientID)
    const seenByB = clockOf(b.doc, a.doc.clientID)
    clients.splice(0).forEach((c) => c.destroy())

    const second = await spawnServer(dataDir)
    servers.push(second)
    const reader = connectClient(second.wsUrl, 'ccm/text', { token })
    clients.push(reader)
    await reader.synced()
    expect(clockOf(reader.doc, b.doc.clientID)).toBeGreaterThanOrEqual(seenByA)
    expect(clockOf(reader.doc, a.doc.clientID)).toBeGreaterThanOrEqual(seenByB)
    // Clocks are contiguous per author, so these bounds mean every such keystroke is there.
    expect(outlineOf(reader.pmDoc())).toHaveLength(23)

    // A graceful stop on SIGTERM.
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  })
})
