import { expect } from 'vitest'
import { call, openRaw } from './api'
import { DEMO_PASSWORD, type TestServer } from './startServer'

/**
 * A new account in the demo negotiation with a membership, made as people are: the chair
 * invites, the person accepts with the demo password (so that `tokenFor` signs them in).
 */
export async function invitedAccount(
  server: TestServer,
  username: string,
  membership: Record<string, string>,
): Promise<void> {
  const chair = await server.loginAs('chair')
  const invited = await call(
    server.url,
    chair,
    'POST',
    '/api/negotiations/ccm/invitations',
    membership,
  )
  expect(invited.status).toBe(201)
  const token = String(invited.body.invitation.url).split('/').pop()
  const accepted = await call(server.url, null, 'POST', `/api/invitations/${token}/accept`, {
    username,
    displayName: `Account ${username}`,
    password: DEMO_PASSWORD,
  })
  expect(accepted.status).toBe(200)
}

/** How the server answers a bare websocket to `room` by `who`'s token: close code and bytes. */
export async function rawAnswer(server: TestServer, who: string, room: string) {
  const token = await server.tokenFor(who)
  const raw = openRaw(`${server.wsUrl}/${room}?token=${token}`)
  const { code } = await raw.closed
  return { who, room, code, messages: raw.messages }
}
