import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { MAX_CONNECTIONS_PER_ACCOUNT } from '../../server/src/collab/upgrade'
import { openRaw, type RawSocket } from '../support/api'
import { waitFor } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'

describe('connections per person', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.dispose())

  it(`refuses the ${MAX_CONNECTIONS_PER_ACCOUNT + 1}st with 4429, across rooms, until one closes`, async () => {
    const token = await server.tokenFor('ana')
    const open = (room: string) => openRaw(`${server.wsUrl}/${room}?token=${token}`)
    // Opened all at once, so that they race for the last places.
    const sockets: RawSocket[] = []
    for (let i = 0; i < MAX_CONNECTIONS_PER_ACCOUNT + 5; i += 1) {
      sockets.push(open(i % 2 ? 'ccm/text' : 'ccm/notes/cmc'))
    }
    await waitFor('every socket served or refused', () =>
      sockets.every((s) => s.messages > 0 || s.ws.readyState === s.ws.CLOSED),
    )
    const refused = sockets.filter((s) => s.ws.readyState === s.ws.CLOSED)
    expect(refused).toHaveLength(5)
    for (const s of refused) expect((await s.closed).code).toBe(CloseCode.TooManyConnections)

    // Someone else is not limited by it.
    const other = openRaw(`${server.wsUrl}/ccm/text?token=${await server.tokenFor('ben')}`)
    await waitFor('ben is served', () => other.messages > 0)

    const served = sockets.filter((s) => s.ws.readyState === s.ws.OPEN)
    served[0]?.ws.close()
    await served[0]?.closed
    const again = open('ccm/text')
    await waitFor('a place again', () => again.messages > 0)
    for (const s of [...served, again, other]) s.ws.close()
  })
})
