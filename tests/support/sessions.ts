import { expect } from 'vitest'
import { call, openRaw } from './api'
import type { ServerHarness } from './serverHarness'
import { DEMO_PASSWORD } from './startServer'

/**
 * A facilitator for a session test: an account invited into the negotiation as an observer
 * (password the demo's, so that the harness signs it in by name); answers its account id.
 */
export async function inviteFacilitator(
  h: ServerHarness,
  username = 'test-facilitator',
  displayName = 'Ambassador Facilitator',
): Promise<string> {
  const invited = await h.api('chair', 'POST', '/invitations', { role: 'observer' })
  expect(invited.status).toBe(201)
  const token = String(invited.body.invitation.url).split('/').pop()
  const accepted = await call(h.server.url, null, 'POST', `/api/invitations/${token}/accept`, {
    username,
    displayName,
    password: DEMO_PASSWORD,
  })
  expect(accepted.status).toBe(200)
  const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const me = await call(h.server.url, { cookie, origin: h.server.url }, 'GET', '/api/me')
  return String(me.body.me.account.id)
}

/** The body of a closed Friends-of-the-President session on Article 2 (art-2), attended by FRA and DEU. */
export const friendsOnArticle2 = (facilitator: string, extra: Record<string, unknown> = {}) => ({
  name: 'Friends of the President on Article 2',
  kind: 'friends-of-the-chair',
  facilitators: [facilitator],
  articleIds: ['art-2'],
  day: '2026-05-22',
  startTime: '15:00',
  place: 'Room XII',
  open: false,
  attendeeActorIds: ['FRA', 'DEU'],
  ...extra,
})

/** A raw socket's refusal of a room: its close code and how many messages it received first. */
export async function refusal(h: ServerHarness, who: string, room: string) {
  const token = await h.server.tokenFor(who)
  const raw = openRaw(`${h.server.wsUrl}/${room}?token=${token}`)
  const closed = await raw.closed
  return { who, room, code: closed.code, messages: raw.messages }
}
