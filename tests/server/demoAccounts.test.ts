import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DemoAccountsSchema } from '../../server/src/negotiations/demoAccounts'
import { startServer, tempDataDir } from '../support/startServer'

describe('the demo accounts fixture', () => {
  const raw = JSON.parse(fs.readFileSync(DEMO_ACCOUNTS, 'utf8'))
  const demo = DemoAccountsSchema.parse(raw)

  it('loads through its schema: one account per role, with the groups it names', () => {
    expect(demo.negotiation).toBe('ccm')
    expect(demo.groups).toEqual([
      { id: 'cmc', name: 'Cluster Munition Coalition' },
      { id: 'hrw', name: 'Human Rights Watch' },
    ])
    const roles = Object.fromEntries(
      demo.accounts.map((a) => [
        a.username,
        a.role === 'delegate' ? a.actorId : a.role === 'campaigner' ? a.groupId : a.role,
      ]),
    )
    expect(roles).toEqual({
      chair: 'chair',
      france: 'FRA',
      france2: 'FRA',
      germany: 'DEU',
      austria: 'AUT',
      ana: 'cmc',
      ben: 'cmc',
      hana: 'hrw',
      observer: 'observer',
      facilitator: 'observer',
    })
  })

  it('refuses a campaigner of a group it does not list, and an unknown actor', () => {
    const stray = { username: 'zed', displayName: 'Zed', role: 'campaigner', groupId: 'nope' }
    expect(DemoAccountsSchema.safeParse({ ...raw, accounts: [stray] }).success).toBe(false)
    const atlantis = { username: 'zed', displayName: 'Zed', role: 'delegate', actorId: 'ATL' }
    expect(DemoAccountsSchema.safeParse({ ...raw, accounts: [atlantis] }).success).toBe(false)
  })

  it('refuses to start with an admin password under 10 characters', async () => {
    const dataDir = tempDataDir()
    await expect(startServer({ dataDir, adminPassword: 'short' })).rejects.toThrow(/ADMIN_PASSWORD/)
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
