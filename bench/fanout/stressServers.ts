import { Listener } from './Listener'
import { ROOM, yWebsocketClients, type RoundClients } from './measureRound'
import { spawnServerChild, type ServerChild } from './serverChild'
import { Typist } from './Typist'
import { copyOurData, spawnOurServer, type PreparedData } from '../support/ourServer'

/** The servers the stress section holds side by side under the same load. */
export const STRESS_SERVERS = ['ours', 'reference', 'merging', 'hocuspocus'] as const

/** One of the stress section's servers. */
export type StressServer = (typeof STRESS_SERVERS)[number]

/** A server under test, started, with the clients that reach it. */
export interface StartedServer {
  server: ServerChild
  clients: RoundClients
  /** How it runs, for the report (e.g. `node dist/server/index.js`). */
  how: string
}

/**
 * Starts one server for a round: ours (`compiled`, see `buildOurServer`, or as `spawnOurServer`
 * finds it) on a fresh copy of `prepared` (the demo text and every
 * client's account), typists and readers each signing in with their own API token; the
 * references in memory, seeded with the same text (`seed`), without sign-in. Hocuspocus is
 * driven with its own provider and framing.
 */
export async function startStressServer(
  name: StressServer,
  prepared: PreparedData,
  seed: Uint8Array,
  presence: boolean,
  compiled?: string,
): Promise<StartedServer> {
  if (name === 'ours') {
    const server = await spawnOurServer(copyOurData(prepared), compiled)
    const typists = prepared.accounts[TYPISTS] ?? []
    const readers = prepared.accounts[READERS] ?? []
    const token = (accounts: typeof typists, i: number) => {
      const account = accounts[i]
      if (!account) throw new Error(`no bench account for client ${i}`)
      return account.token
    }
    return {
      server,
      how:
        `${server.mode}${compiled ? ' now from the current sources' : ''}: ${server.command}, ` +
        'every client with its own API token, SQLite',
      clients: {
        typist: (i, tally) =>
          new Typist(server.wsUrl, ROOM, i, tally, presence, { token: token(typists, i) }),
        reader: (i, tally) => {
          const secret = token(readers, i - typists.length)
          return new Listener(`${server.wsUrl}/${ROOM}?token=${secret}`, i, tally, {})
        },
      },
    }
  }
  if (name === 'hocuspocus') {
    const server = await spawnServerChild('references/hocuspocusServerProcess')
    await server.seed(ROOM, seed)
    return {
      server,
      how: 'Hocuspocus 4.7 in memory, its own provider and framing',
      clients: {
        typist: (i, tally) =>
          new Typist(server.wsUrl, ROOM, i, tally, presence, { provider: 'hocuspocus' }),
        reader: (i, tally) => new Listener(server.wsUrl, i, tally, { hocuspocusDocument: ROOM }),
      },
    }
  }
  const entry = name === 'reference' ? 'referenceServerProcess' : 'references/mergingServerProcess'
  const server = await spawnServerChild(entry)
  // Both name a room by the request path without its slash.
  await server.seed(`collab/${ROOM}`, seed)
  return {
    server,
    how:
      name === 'reference'
        ? 'y-websocket 1.5.4 bin/utils in memory'
        : 'bench/references/mergingServer.ts in memory, 10 ms windows',
    clients: yWebsocketClients(server, presence),
  }
}

/** The account groups of ours: chairs type (only they may write the text), observers read. */
export const TYPISTS = 'stress-typist'
export const READERS = 'stress-reader'
