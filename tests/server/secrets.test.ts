import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { connectClient } from '../support/collabClient'
import { spawnServer, type ServerProcess } from '../support/spawnServer'
import { DEMO_PASSWORD, createToken, login, tempDataDir } from '../support/startServer'

// Every byte of the database: the file and any write-ahead log beside it.
const databaseText = (dataDir: string): string =>
  fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('plenary.sqlite'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('')

const occurrences = (text: string, needle: string) => text.split(needle).length - 1

describe('secrets', () => {
  const dataDir = tempDataDir()
  const servers: ServerProcess[] = []
  afterEach(() => {
    servers.splice(0).forEach((s) => s.child.kill('SIGKILL'))
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('are printed once (the generated admin password) and never stored or logged in clear', async () => {
    // No ADMIN_PASSWORD: the first start generates one and prints it.
    const first = await spawnServer(dataDir, { ADMIN_PASSWORD: '' })
    servers.push(first)
    const adminPassword = /the password (\S+)/.exec(first.output())?.[1] ?? ''
    expect(adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const admin = await login(first.url, 'admin', adminPassword)

    // Use every kind of secret: sessions, API tokens over REST and websocket, an invitation.
    const france = await login(first.url, 'france', DEMO_PASSWORD)
    const token = await createToken(first.url, france)
    expect((await call(first.url, { token }, 'GET', '/api/me')).status).toBe(200)
    const client = connectClient(first.wsUrl, 'ccm/text', { token })
    await client.synced()
    client.destroy()
    expect(
      (
        await call(first.url, null, 'POST', '/api/auth/login', {
          username: 'germany',
          password: 'a-wrong-password-guess',
        })
      ).status,
    ).toBe(401)
    const invited = await call(first.url, admin, 'POST', '/api/negotiations/ccm/invitations', {
      role: 'observer',
    })
    const invitation = invited.body.invitation.url.split('/').pop()
    const newcomerPassword = 'newcomer-password-2008'
    const accepted = await call(first.url, null, 'POST', `/api/invitations/${invitation}/accept`, {
      username: 'newcomer',
      displayName: 'Newcomer',
      password: newcomerPassword,
    })
    expect(accepted.status).toBe(200)
    expect((await call(first.url, france, 'POST', '/api/auth/logout')).status).toBe(204)

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const second = await spawnServer(dataDir, { ADMIN_PASSWORD: '' })
    servers.push(second)
    await login(second.url, 'admin', adminPassword)
    second.child.kill('SIGTERM')
    await second.exited

    const cookies = [admin.cookie, france.cookie].map((c) => c.split('=')[1] ?? '')
    const secrets = [
      adminPassword,
      DEMO_PASSWORD,
      newcomerPassword,
      'a-wrong-password-guess',
      token,
      token.slice(4), // the token without its plt_ prefix
      invitation,
      ...cookies,
    ]
    expect(secrets.every((s) => s.length >= 10)).toBe(true)
    const database = databaseText(dataDir)
    expect(database).toContain('newcomer') // the database is readable as text, so this means something
    for (const secret of secrets) expect(occurrences(database, secret)).toBe(0)

    // The generated password is printed once, by the first start; nothing else is ever printed.
    expect(occurrences(first.output(), adminPassword)).toBe(1)
    expect(second.output()).not.toContain('Created the administrator')
    for (const secret of secrets.slice(1)) {
      expect(occurrences(first.output() + second.output(), secret)).toBe(0)
    }
    expect(occurrences(second.output(), adminPassword)).toBe(0)
  })
})
