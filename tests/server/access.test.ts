import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import type { AccessDecider } from '../../server/src/collab/access'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

// A stand-in for the roles policy to come: `?role=observer` reads, `?role=stranger` is refused.
const byRoleParam: AccessDecider = async (_ref, request) => {
  const role = new URL(request.url ?? '/', 'http://x').searchParams.get('role')
  if (role === 'stranger') return { code: CloseCode.Forbidden, reason: 'Not a member.' }
  return role === 'observer' ? 'read' : 'write'
}

describe('per-connection access', () => {
  let server: TestServer
  const clients: CollabClient[] = []
  const connect = (role: string) => {
    const client = connectClient(server.wsUrl, 'ccm/text', { role })
    clients.push(client)
    return client
  }
  beforeEach(async () => {
    server = await startServer({ decideAccess: byRoleParam })
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('lets an observer read and follow live edits, and refuses its writes with ReadOnly', async () => {
    const chair = connect('chair')
    const observer = connect('observer')
    await Promise.all([chair.synced(), observer.synced()])
    clauseText(chair.doc, 0, 1).insert(0, 'Chair: ')
    await waitFor('observer sees the chair', () =>
      clauseText(observer.doc, 0, 1).toString().startsWith('Chair: '),
    )

    const refused = observer.nextClose()
    clauseText(observer.doc, 0, 1).insert(0, 'Observer: ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
    const late = connect('chair')
    await late.synced()
    expect(clauseText(late.doc, 0, 1).toString()).toMatch(/^Chair: /)
  })

  it('does not count an observer re-sending what the room already has as a write', async () => {
    const chair = connect('chair')
    const observer = connect('observer')
    await Promise.all([chair.synced(), observer.synced()])
    // Deletions give the observer's state a delete set, which its sync step 2 always carries.
    clauseText(chair.doc, 0, 0).delete(0, 8)
    await waitFor('observer has the deletion', () => observer.pmDoc().eq(chair.pmDoc()))

    observer.provider.disconnect()
    observer.provider.connect()
    await observer.synced()
    clauseText(chair.doc, 0, 0).insert(0, 'Still here: ')
    await waitFor('observer still follows', () =>
      clauseText(observer.doc, 0, 0).toString().startsWith('Still here: '),
    )
    expect(observer.provider.wsconnected).toBe(true)
  })

  it('refuses a connection the decider refuses, with its code', async () => {
    const stranger = connect('stranger')
    expect((await stranger.nextClose()).code).toBe(CloseCode.Forbidden)
  })
})
