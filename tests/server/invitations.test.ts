import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, type Caller } from '../support/api'
import { rawSql } from '../support/rawSql'
import { openStorageOf, startServer, type TestServer } from '../support/startServer'

const newcomer = {
  username: 'norway',
  displayName: 'Delegate of Norway',
  password: 'oslo-process-2007',
}

describe('invitation links', () => {
  let server: TestServer
  let chair: Caller
  const invite = (body: unknown) =>
    call(server.url, chair, 'POST', '/api/negotiations/ccm/invitations', body)
  const tokenOf = (url: string) => url.split('/').pop() ?? ''

  beforeEach(async () => {
    server = await startServer()
    chair = await server.loginAs('chair')
  })
  afterEach(() => server.dispose())

  it('adds a new person with the role the chair chose, signed in, once only', async () => {
    const created = await invite({ role: 'delegate', actorId: 'NOR' })
    expect(created.status).toBe(201)
    expect(created.body.invitation).toMatchObject({
      url: expect.stringMatching(/^\/invite\/[A-Za-z0-9_-]{43}$/),
      role: 'delegate',
      actorId: 'NOR',
      expiresAt: expect.any(String),
    })
    const expiresIn = Date.parse(created.body.invitation.expiresAt) - Date.now()
    expect(Math.round(expiresIn / 86_400_000)).toBe(14)
    const token = tokenOf(created.body.invitation.url)

    const shown = await call(server.url, null, 'GET', `/api/invitations/${token}`)
    expect(shown.body.invitation).toMatchObject({
      negotiationName: 'Convention on Cluster Munitions',
      role: 'delegate',
      actorId: 'NOR',
      valid: true,
    })

    const accepted = await call(
      server.url,
      null,
      'POST',
      `/api/invitations/${token}/accept`,
      newcomer,
    )
    expect(accepted.status).toBe(200)
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const me = await call(server.url, { cookie, origin: server.url }, 'GET', '/api/me')
    expect(me.body.me).toMatchObject({
      account: { username: 'norway', displayName: 'Delegate of Norway', isAdmin: false },
      memberships: [{ negotiationId: 'ccm', role: 'delegate', actorId: 'NOR' }],
    })

    const again = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, {
      ...newcomer,
      username: 'someone-else',
    })
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'invitation_used' } } })
    expect(
      (await call(server.url, null, 'GET', `/api/invitations/${token}`)).body.invitation.valid,
    ).toBe(false)
  })

  it('lets a signed-in person join with their account', async () => {
    const { body } = await invite({ role: 'campaigner', groupId: 'cmc' })
    const token = tokenOf(body.invitation.url)
    expect(
      (await call(server.url, null, 'GET', `/api/invitations/${token}`)).body.invitation,
    ).toMatchObject({
      groupName: 'Cluster Munition Coalition',
    })
    // The administrator is nobody's member in the demo.
    const admin = await server.loginAs('admin')
    const joined = await call(server.url, admin, 'POST', `/api/invitations/${token}/accept`, {})
    expect(joined.status).toBe(200)
    expect(joined.body.me.memberships).toMatchObject([{ role: 'campaigner', groupId: 'cmc' }])
  })

  it('asks before replacing a membership in the same negotiation, and replaces it when told', async () => {
    const { body } = await invite({ role: 'delegate', actorId: 'FRA' })
    const token = tokenOf(body.invitation.url)
    const ben = await server.loginAs('ben')
    const asked = await call(server.url, ben, 'POST', `/api/invitations/${token}/accept`, {})
    expect(asked).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'membership_exists',
          current: { role: 'campaigner', groupId: 'cmc' },
          offered: { role: 'delegate', actorId: 'FRA' },
        },
      },
    })
    expect(asked.body.error.message).toMatch(
      /You are a campaigner in Cluster Munition Coalition .* a delegate of France instead/,
    )
    // Nothing changed: the membership stays and the link still works.
    const me = await call(server.url, ben, 'GET', '/api/me')
    expect(me.body.me.memberships).toMatchObject([{ role: 'campaigner', groupId: 'cmc' }])
    expect(
      (await call(server.url, null, 'GET', `/api/invitations/${token}`)).body.invitation.valid,
    ).toBe(true)

    const replaced = await call(server.url, ben, 'POST', `/api/invitations/${token}/accept`, {
      replace: true,
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body.me.memberships).toMatchObject([{ role: 'delegate', actorId: 'FRA' }])
  })

  it('accepts without asking an invitation to the membership the person has already', async () => {
    const { body } = await invite({ role: 'campaigner', groupId: 'hrw' })
    const hana = await server.loginAs('hana')
    const res = await call(
      server.url,
      hana,
      'POST',
      `/api/invitations/${tokenOf(body.invitation.url)}/accept`,
      {},
    )
    expect(res.status).toBe(200)
    expect(res.body.me.memberships).toMatchObject([{ role: 'campaigner', groupId: 'hrw' }])
  })

  it('refuses an expired link with 410, and an unknown one with 404', async () => {
    const { body } = await invite({ role: 'observer', expiresInDays: 1 })
    const token = tokenOf(body.invitation.url)
    // Age the invitation in the database rather than wait a day.
    const storage = await openStorageOf(server) // its SQLite file, or its PostgreSQL schema
    try {
      await rawSql(storage)("UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z'")
    } finally {
      await storage.close()
    }
    const late = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, newcomer)
    expect(late).toMatchObject({ status: 410, body: { error: { code: 'invitation_expired' } } })
    const unknown = await call(server.url, null, 'GET', `/api/invitations/${'x'.repeat(43)}`)
    expect(unknown.status).toBe(404)
  })

  it('lists pending invitations without their links, and withdraws one', async () => {
    const first = await invite({ role: 'observer' })
    await invite({ role: 'chair' })
    const pending = await call(server.url, chair, 'GET', '/api/negotiations/ccm/invitations')
    expect(pending.body.invitations).toHaveLength(2)
    expect(JSON.stringify(pending.body)).not.toContain(tokenOf(first.body.invitation.url))
    const id = first.body.invitation.id
    const gone = await call(server.url, chair, 'DELETE', `/api/negotiations/ccm/invitations/${id}`)
    expect(gone.status).toBe(204)
    const token = tokenOf(first.body.invitation.url)
    expect((await call(server.url, null, 'GET', `/api/invitations/${token}`)).status).toBe(404)
  })

  it('is for the chair to send, with a valid role', async () => {
    const france = await server.loginAs('france')
    const asFrance = await call(server.url, france, 'POST', '/api/negotiations/ccm/invitations', {
      role: 'delegate',
      actorId: 'FRA',
    })
    expect(asFrance.status).toBe(403)
    expect((await invite({ role: 'campaigner', groupId: 'nobody' })).status).toBe(400)
    const weak = await invite({ role: 'observer' })
    const token = tokenOf(weak.body.invitation.url)
    const short = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, {
      ...newcomer,
      password: 'short',
    })
    expect(short).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } })
    const taken = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, {
      ...newcomer,
      username: 'France',
    })
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'username_taken' } } })
  })
})
