import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { createBenchAccounts } from '../../bench/support/benchAccounts'
import { hashSecret, newApiTokenSecret } from '../../server/src/auth/secrets'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { connectClient, type CollabClient } from '../support/collabClient'
import { openStorageOf, startServer, tempDataDir, type TestServer } from '../support/startServer'

// Opens a raw websocket and answers how it ended: its close code, or 'open' if it stayed open.
function closeCodeOf(url: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    const timer = setTimeout(() => {
      ws.close()
      resolve('open')
    }, 1500)
    ws.on('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

describe('connecting with API tokens', () => {
  let server: TestServer | undefined
  const clients: CollabClient[] = []
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server?.dispose()
    server = undefined
  })

  it("writes a token's last use at most once a minute", async () => {
    const dir = tempDataDir()
    const storage = new SqliteStorage(path.join(dir, 'plenary.sqlite'))
    const account = await storage.accounts.create({
      id: randomUUID(),
      username: 'script',
      displayName: 'Script',
      passwordHash: 'x',
      isAdmin: false,
    })
    if (!account.ok) throw new Error('no account')
    const secret = newApiTokenSecret()
    const id = randomUUID()
    await storage.credentials.createApiToken(
      {
        id,
        accountId: account.account.id,
        name: 'n',
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: null,
      },
      hashSecret(secret),
    )
    const use = (now: string) => storage.credentials.useApiToken(hashSecret(secret), now)
    const listed = async () => (await storage.credentials.listApiTokens(account.account.id))[0]
    expect((await use('2026-01-01T10:00:00.000Z'))?.lastUsedAt).toBe('2026-01-01T10:00:00.000Z')
    expect((await use('2026-01-01T10:00:40.000Z'))?.lastUsedAt).toBe('2026-01-01T10:00:00.000Z')
    expect((await listed())?.lastUsedAt).toBe('2026-01-01T10:00:00.000Z')
    expect((await use('2026-01-01T10:01:05.000Z'))?.lastUsedAt).toBe('2026-01-01T10:01:05.000Z')
    expect((await listed())?.lastUsedAt).toBe('2026-01-01T10:01:05.000Z')
    expect(await storage.credentials.deleteApiToken(account.account.id, id)).toBe(true)
    expect(await use('2026-01-01T10:01:06.000Z')).toBeNull()
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('admits many accounts at once, each by its own token, and refuses a token once revoked', async () => {
    server = await startServer()
    // Accounts made through a second handle on the same database while the server runs.
    const storage = await openStorageOf(server)
    const readers = await createBenchAccounts(storage, 'ccm', 'reader', 40, () => ({
      role: 'observer',
    }))
    await storage.close()
    for (const { token } of readers)
      clients.push(connectClient(server.wsUrl, 'ccm/text', { token }))
    await Promise.all(clients.map((c) => c.synced()))
    const text = clients[0]!.pmDoc().toJSON()
    for (const c of clients) expect(c.pmDoc().toJSON()).toEqual(text)

    // Revoking a token just used (its last use is not rewritten within the minute, and nothing
    // of it is cached) closes its connection and refuses the next one.
    const observer = await server.loginAs('observer')
    const made = await fetch(`${server.url}/api/me/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...observer },
      body: JSON.stringify({ name: 'revoked soon' }),
    })
    const { token, secret } = (await made.json()) as { token: { id: string }; secret: string }
    const url = `${server.wsUrl}/ccm/text?token=${secret}`
    expect(await closeCodeOf(url)).toBe('open')
    const victim = connectClient(server.wsUrl, 'ccm/text', { token: secret })
    clients.push(victim)
    await victim.synced()
    const closed = victim.nextClose()
    const revoked = await fetch(`${server.url}/api/me/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { ...observer },
    })
    expect(revoked.status).toBe(204)
    expect((await closed).code).toBe(CloseCode.Unauthenticated)
    expect(await closeCodeOf(url)).toBe(CloseCode.Unauthenticated)
  })
})
