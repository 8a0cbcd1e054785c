import os from 'node:os'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import type { Membership } from '../../shared/domain/policy'
import { listActors } from '../../server/src/actors/catalogue'
import type { Storage } from '../../server/src/storage/Storage'
import { clauseText } from '../../tests/support/collabClient'
import { spawnServerChild } from '../fanout/serverChild'
import { Tally } from '../fanout/Tally'
import { bytes, ms, quantile, ratio } from '../stats'
import { createBenchAccounts, type BenchAccount } from '../support/benchAccounts'
import { buildOurServer } from '../support/ourServer'
import { Editor, typeOnSchedule } from './Editor'
import {
  cpuShare,
  cpuTime,
  RssSampler,
  startPlenary,
  vmRss,
  type PlenaryProcess,
} from './plenaryProcess'
import { RoomReader } from './RoomReader'

/** The conference's size, and how hard its people type. */
export interface ConferenceOptions {
  /** Connected readers (browsers on the text page: text room and register room each). */
  readers: number
  /** Secretariat typists in the text (chair accounts). */
  typists: number
  /** Keystrokes per second per typist, in the text and in the drafts. */
  rate: number
  /** Seconds of typing in (a) and in (b). */
  seconds: number
  /** Draft rooms in (b), each with `sponsors` typing. */
  drafts: number
  sponsors: number
  /** At most this many of the delegates' REST refetches after the tabling in (c). */
  refetches: number
  /** Whether (a) is measured on the minimal merging server too. */
  reference: boolean
}

const NEGOTIATION = 'ccm'
const TEXT_ROOM = 'ccm/text'
const REGISTER_ROOM = 'ccm/register'
/** How often a delegate's browser fetches its drafts again (client/src/.../useMyDrafts.ts). */
const DRAFT_POLL_MS = 3000
/** The per-keystroke target of the issue: bytes on the wire per keystroke per reader. */
const BYTES_TARGET = 350

/** Who the people of the conference are: their accounts, as the data folder holds them. */
interface People {
  chairs: BenchAccount[]
  readers: BenchAccount[]
  /** Three (or `sponsors`) delegate accounts per draft, of that draft's sponsoring actor. */
  sponsors: BenchAccount[]
  actors: string[]
  articleIds: string[]
  /** The demo text as one update, to seed the reference server with. */
  textUpdate: Uint8Array
}

/** One reader: a browser on `/n/ccm`, with its text room and its register room. */
interface Reader {
  index: number
  delegate: boolean
  token: string
  text: RoomReader
  register: RoomReader
}

/**
 * The conference as it is, against our server started as an operator starts it (own process,
 * demo data folder, an account and token per person): (a) the secretariat typing in the text to
 * 1,000 readers, (b) 100 draft rooms with 3 sponsors typing in each, (c) a proposal tabled while
 * all are connected, and the REST refetches that follow, (d) the wifi coming back: every reader
 * dropped and reconnected within one second. (a) is measured on the minimal merging server of
 * bench/references too, same room and load, no accounts.
 */
export async function benchConference(options: ConferenceOptions): Promise<string[]> {
  const loadBefore = os.loadavg()[0] ?? 0
  const lines: string[] = []
  let reference: { typing: TypingResult; storm: StormResult } | undefined
  // Built from the sources as they are now (dist/server may be older).
  const compiled = buildOurServer()
  const { server, prepared: people } = await startPlenary(
    (storage) => makePeople(storage, options),
    compiled,
  )
  process.setMaxListeners(
    Math.max(process.getMaxListeners(), options.drafts * options.sponsors + 50),
  )
  const rss = new RssSampler(() => server.rssBytes())
  const readers: Reader[] = []
  const current: { tally: Tally | null; countBytes: boolean; readerBytes: number } = {
    tally: null,
    countBytes: false,
    readerBytes: 0,
  }
  const registerArrival: number[] = []
  let registerArmed = false
  try {
    if (options.reference) {
      // Reference first, on its own: ours is idle (no room loaded) meanwhile.
      reference = await referenceRun(people, options)
    }
    await sleep(500)
    const idleRss = server.rssBytes()
    rss.enter('connect')
    const connectStart = performance.now()
    for (let i = 0; i < options.readers; i += 50) {
      const batch: Reader[] = []
      for (let j = i; j < Math.min(options.readers, i + 50); j++) {
        const account = people.readers[j]
        if (!account) throw new Error('missing reader account')
        const index = options.typists + j
        const delegate = j % 2 === 1
        const articleId = people.articleIds[j % people.articleIds.length] ?? null
        const text = new RoomReader(
          roomUrl(server.wsUrl, TEXT_ROOM, account.token),
          {
            user: {
              name: `Bench reader ${j} (synthetic)`,
              color: '#0f7b4b',
              role: delegate ? 'Delegate' : 'Observer',
            },
            article: articleId,
          },
          {
            onUpdate: (u) => current.tally?.receiveUpdate(u, index),
            onBytes: (n) => {
              if (current.countBytes) current.readerBytes += n
            },
          },
        )
        const register = new RoomReader(
          roomUrl(server.wsUrl, REGISTER_ROOM, account.token),
          {},
          {
            onUpdate: () => {
              if (registerArmed && registerArrival[j] === undefined)
                registerArrival[j] = performance.now()
            },
          },
        )
        batch.push({ index: j, delegate, token: account.token, text, register })
      }
      readers.push(...batch)
      await within(
        60_000,
        'readers to connect',
        Promise.all(batch.flatMap((r) => [r.text.connect(), r.register.connect()])),
      )
    }
    const connectMs = performance.now() - connectStart
    await sleep(1000)
    const connectedRss = server.rssBytes()
    lines.push(
      `conference ${options.readers} readers (text + register room each) on ${server.command}: ` +
        `connected in ${ms(connectMs)} ms; server RSS ${bytes(idleRss)} idle, ` +
        `${bytes(connectedRss)} with everyone connected (target < 150 MB)`,
    )

    // (a) The secretariat types in the text.
    rss.enter('typing')
    const ours = await textTyping(
      server.wsUrl,
      people,
      options,
      (tally) => {
        current.tally = tally
        current.readerBytes = 0
        current.countBytes = true
        return () => {
          current.countBytes = false
          current.tally = null
          return current.readerBytes
        }
      },
      server.cpuMs,
    )
    lines.push(...typingLines(options, ours, reference?.typing, rss.max('typing')))

    // (b) The sponsors type in their drafts.
    rss.enter('drafts')
    const drafts = await draftTyping(server, people, options)
    lines.push(...draftLines(options, drafts, rss.max('drafts')))

    // (c) A proposal is tabled while everyone is connected.
    rss.enter('tabling')
    const proposalId = drafts.proposalIds[0]
    const sponsor = people.sponsors[0]
    if (proposalId === undefined || sponsor === undefined) throw new Error('no draft to table')
    registerArrival.length = 0
    registerArmed = true
    const tablingCpu = cpuShare(server)
    const tabledAt = performance.now()
    const tabled = await rest(
      server.url,
      sponsor.token,
      'POST',
      `/proposals/${proposalId}/table`,
      {},
    )
    const postMs = performance.now() - tabledAt
    if (tabled.status !== 200) throw new Error(`tabling answered ${tabled.status}: ${tabled.body}`)
    await waitUntil(
      15_000,
      () => registerArrival.filter((t) => t !== undefined).length >= readers.length,
    )
    registerArmed = false
    const arrivals = readers.map((r) => (registerArrival[r.index] ?? NaN) - tabledAt)
    const arrived = arrivals.filter(Number.isFinite)
    const refetch = await refetches(server.url, readers, registerArrival, options.refetches)
    lines.push(
      `  (c) tabling by REST (${ms(postMs)} ms to answer) -> register update at every reader: ` +
        `p50 ${ms(quantile(arrived, 0.5))} p99 ${ms(quantile(arrived, 0.99))} all ` +
        `${arrived.length === readers.length ? ms(Math.max(...arrived)) : 'n/a'} ms, ` +
        `${arrived.length}/${readers.length} readers`,
      `      then GET /proposals as the delegates' browsers poll it (each within ${DRAFT_POLL_MS / 1000} s ` +
        `of its update; ${refetch.times.length} of ${readers.filter((r) => r.delegate).length} ` +
        `delegates): p50 ${ms(quantile(refetch.times, 0.5))} p99 ${ms(quantile(refetch.times, 0.99))} ` +
        `max ${ms(quantile(refetch.times, 1))} ms, ${refetch.failed} failed, ` +
        `${bytes(refetch.bytes / Math.max(1, refetch.times.length))} each; all answered ` +
        `${ms(refetch.doneMs)} ms after the tabling; ${tablingCpu()}, server RSS max ` +
        `${bytes(rss.max('tabling'))}; a delegate's open text page polls this every ` +
        `${DRAFT_POLL_MS / 1000} s, tabling or not (${ms((refetch.delegates * 1000) / DRAFT_POLL_MS)} requests/s here)`,
    )

    // (d) The wifi comes back.
    const chair = people.chairs[0]?.token ?? null
    const vectors = {
      text: await stateVector(server.wsUrl, TEXT_ROOM, chair),
      register: await stateVector(server.wsUrl, REGISTER_ROOM, chair),
    }
    const storm = await reconnectStorm(
      readers.map((r) => [
        { reader: r.text, vector: vectors.text },
        { reader: r.register, vector: vectors.register },
      ]),
      server.cpuMs,
      rss,
    )
    const synced = (r: StormResult) =>
      r.allMs === null ? `n/a (${r.unsynced} not synced in 60 s)` : `${ms(r.allMs)} ms`
    const spread = (r: StormResult) =>
      `per client p50 ${ms(quantile(r.perClient, 0.5))} p99 ${ms(quantile(r.perClient, 0.99))} ms, ` +
      `${r.retries} retries, until all synced ${r.cpu}, server RSS max ${bytes(r.rssMax)}`
    const theirs = reference?.storm
    lines.push(
      `  (d) wifi back: ${readers.length} readers dropped at once and reconnected within 1 s ` +
        `(from the state they had) -> ours: every client synced ${synced(storm)} after the drop ` +
        `(target <= 10,000 ms), server RSS max ${bytes(storm.rssMax)} (target <= 150 MB, ` +
        `sampled every 100 ms)` +
        (theirs
          ? ` | merging server ${synced(theirs)}, RSS max ${bytes(theirs.rssMax)} | ratio ` +
            `synced ${ratio(storm.allMs ?? NaN, theirs.allMs ?? NaN)}, RSS ${ratio(storm.rssMax, theirs.rssMax)}`
          : ''),
      `      ours (text + register room per reader): ${spread(storm)}` +
        (theirs ? `; merging server (text room only): ${spread(theirs)}` : ''),
      `  server RSS max over the whole run ${bytes(rss.max())} (${rss.samples} samples); ` +
        `closes by the server ${closes(readers)}; machine load average ${loadBefore.toFixed(1)} -> ` +
        `${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.availableParallelism()} cores`,
    )
    return lines
  } finally {
    rss.stop()
    readers.forEach((r) => {
      r.text.drop()
      r.register.drop()
    })
    await server.stop()
  }
}

// The accounts: chairs who type, readers (observers and delegates, alternately), and the
// sponsors of each draft (delegates of its actor); the text's article ids.
async function makePeople(storage: Storage, options: ConferenceOptions): Promise<People> {
  const actors = listActors()
    .map((a) => a.id)
    .filter((id) => /^[A-Z]{3}$/.test(id))
  if (actors.length < options.drafts)
    throw new Error(`only ${actors.length} states to sponsor drafts`)
  const chair = (): Membership => ({ role: 'chair' })
  const chairs = await createBenchAccounts(
    storage,
    NEGOTIATION,
    'secretariat',
    options.typists,
    chair,
  )
  const readers = await createBenchAccounts(storage, NEGOTIATION, 'reader', options.readers, (i) =>
    i % 2 === 1
      ? { role: 'delegate', actorId: actors[i % actors.length] ?? 'FRA' }
      : { role: 'observer' },
  )
  const sponsors = await createBenchAccounts(
    storage,
    NEGOTIATION,
    'sponsor',
    options.drafts * options.sponsors,
    (i) => ({ role: 'delegate', actorId: actors[Math.floor(i / options.sponsors)] ?? 'FRA' }),
  )
  const updates = await storage.loadRoom(TEXT_ROOM)
  const textUpdate = Y.mergeUpdates(updates)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, textUpdate)
  const articleIds = doc
    .getXmlFragment(TEXT_FRAGMENT)
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement && node.nodeName === 'article'
        ? [String(node.getAttribute('id'))]
        : [],
    )
  doc.destroy()
  return { chairs, readers, sponsors, actors, articleIds, textUpdate }
}

const roomUrl = (wsUrl: string, room: string, token: string | null) =>
  `${wsUrl}/${room}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`

/** What (a) measured on one server. */
interface TypingResult {
  tally: Tally
  keystrokes: number
  /** Bytes the readers received while the typing lasted (document, presence, protocol). */
  readerBytes: number
  readers: number
  /** The server's and the generator's CPU share while typing and draining. */
  cpu: string
  joinMs?: number
}

// (a) on a server whose readers are connected already: the typists join, type, and every
// update is awaited at every reader (or until arrivals stop for 3 s).
async function textTyping(
  wsUrl: string,
  people: People,
  options: ConferenceOptions,
  attach: (tally: Tally) => () => number,
  serverCpuMs: () => number,
  tokens = true,
): Promise<TypingResult> {
  const tally = new Tally(options.typists + options.readers)
  const typists = people.chairs.map(
    (account, i) =>
      new Editor(
        wsUrl,
        TEXT_ROOM,
        tokens ? account.token : null,
        { name: `Secretariat ${i} (synthetic)`, role: 'Chair', article: people.articleIds[i] },
        tally,
        i,
      ),
  )
  try {
    await Promise.all(typists.map((t) => t.synced()))
    typists.forEach((t, i) =>
      t.placeCursor(clauseText(t.doc, i % Math.max(1, people.articleIds.length), 1)),
    )
    await sleep(1000)
    const detach = attach(tally)
    const cpu = cpuShare({ cpuMs: serverCpuMs })
    await typeOnSchedule(typists, options.rate, options.seconds)
    await drain(tally)
    const readerBytes = detach()
    return { tally, keystrokes: tally.sent, readerBytes, readers: options.readers, cpu: cpu() }
  } finally {
    typists.forEach((t) => t.destroy())
  }
}

// (a) on the minimal merging server (bench/references: in memory, no accounts, one message per
// client per window), seeded with the demo text.
async function referenceRun(
  people: People,
  options: ConferenceOptions,
): Promise<{ typing: TypingResult; storm: StormResult }> {
  const reference = await spawnServerChild('references/mergingServerProcess')
  const rss = new RssSampler(() => vmRss(reference.pid))
  await reference.seed(`collab/${TEXT_ROOM}`, people.textUpdate)
  const readers: RoomReader[] = []
  const current: { tally: Tally | null; counting: boolean; bytes: number } = {
    tally: null,
    counting: false,
    bytes: 0,
  }
  try {
    const start = performance.now()
    for (let i = 0; i < options.readers; i += 50) {
      const batch = Array.from({ length: Math.min(50, options.readers - i) }, (_, k) => {
        const index = options.typists + i + k
        return new RoomReader(
          roomUrl(reference.wsUrl, TEXT_ROOM, null),
          {
            user: { name: `Bench reader ${i + k} (synthetic)` },
            article: people.articleIds[(i + k) % people.articleIds.length],
          },
          {
            onUpdate: (u) => current.tally?.receiveUpdate(u, index),
            onBytes: (n) => {
              if (current.counting) current.bytes += n
            },
          },
        )
      })
      readers.push(...batch)
      await within(60_000, 'reference readers', Promise.all(batch.map((r) => r.connect())))
    }
    const joinMs = performance.now() - start
    const result = await textTyping(
      reference.wsUrl,
      people,
      options,
      (tally) => {
        current.tally = tally
        current.counting = true
        return () => {
          current.counting = false
          current.tally = null
          return current.bytes
        }
      },
      () => cpuTime(reference.pid),
      false,
    )
    const vector = await stateVector(reference.wsUrl, TEXT_ROOM, null)
    const storm = await reconnectStorm(
      readers.map((reader) => [{ reader, vector }]),
      () => cpuTime(reference.pid),
      rss,
    )
    return { typing: { ...result, joinMs }, storm }
  } finally {
    rss.stop()
    readers.forEach((r) => r.drop())
    await reference.stop()
  }
}

function typingLines(
  options: ConferenceOptions,
  ours: TypingResult,
  reference: TypingResult | undefined,
  rssMax: number,
): string[] {
  const p = (r: TypingResult, q: number) => quantile(r.tally.latencies, q)
  const figures = (r: TypingResult) =>
    `p50 ${ms(p(r, 0.5))} p99 ${ms(p(r, 0.99))} max ${ms(p(r, 1))} ms, delivered ${delivered(r.tally)}`
  const perKeystroke = (r: TypingResult) =>
    r.readerBytes / Math.max(1, r.keystrokes) / Math.max(1, r.readers)
  return [
    `  (a) ${options.typists} secretariat typists at ${options.rate}/s for ${options.seconds} s ` +
      `(${ours.keystrokes} keystrokes, cursor presence on) -> ${options.readers} readers: ` +
      `ours ${figures(ours)} (target p99 <= 100 ms)` +
      (reference
        ? ` | merging server ${figures(reference)} | ratio p99 ${ratio(p(ours, 0.99), p(reference, 0.99))}, p50 ${ratio(p(ours, 0.5), p(reference, 0.5))}`
        : ''),
    `      bytes per keystroke per reader (presence included): ours ${bytes(perKeystroke(ours))} ` +
      `(target <= ${BYTES_TARGET} B)` +
      (reference
        ? `, merging server ${bytes(perKeystroke(reference))}, ratio ${ratio(perKeystroke(ours), perKeystroke(reference))}`
        : '') +
      `; ours ${ours.tally.delivered}/${ours.tally.expected} arrivals, ${ours.tally.duplicates} duplicate; ` +
      `ours while typing ${ours.cpu}` +
      (reference ? `, merging server's ${reference.cpu}` : '') +
      `; server RSS max ${bytes(rssMax)}` +
      (reference?.joinMs !== undefined
        ? `; reference readers joined in ${ms(reference.joinMs)} ms`
        : ''),
  ]
}

/** What (b) measured: one tally per draft room. */
interface DraftResult {
  proposalIds: string[]
  tallies: Tally[]
  createMs: number
  joinMs: number
  /** The server's and the generator's CPU share while typing and draining. */
  cpu: string
}

// (b) Drafts made by REST, each by its first sponsor (as the propose dialog does), then every
// sponsor joins its draft's room and types.
async function draftTyping(
  server: PlenaryProcess,
  people: People,
  options: ConferenceOptions,
): Promise<DraftResult> {
  const createStart = performance.now()
  const proposalIds: string[] = []
  for (let d = 0; d < options.drafts; d++) {
    const by = people.sponsors[d * options.sponsors]
    if (!by) throw new Error('missing sponsor')
    const answer = await rest(server.url, by.token, 'POST', '/proposals', {
      params: { kind: 'addition' },
      title: `Synthetic draft ${d} (bench)`,
      articleId: people.articleIds[d % people.articleIds.length],
      wording: `Each State Party shall report synthetic measure ${d}.`,
    })
    if (answer.status !== 201) throw new Error(`draft ${d}: ${answer.status} ${answer.body}`)
    proposalIds.push((JSON.parse(answer.body) as { proposal: { id: string } }).proposal.id)
  }
  const createMs = performance.now() - createStart
  const tallies = proposalIds.map(() => new Tally(options.sponsors))
  const editors: Editor[] = []
  try {
    const joinStart = performance.now()
    for (let d = 0; d < proposalIds.length; d += 10) {
      const batch: Editor[] = []
      for (let r = d; r < Math.min(proposalIds.length, d + 10); r++) {
        for (let s = 0; s < options.sponsors; s++) {
          const account = people.sponsors[r * options.sponsors + s]
          const tally = tallies[r]
          if (!account || !tally) throw new Error('missing sponsor')
          batch.push(
            new Editor(
              server.wsUrl,
              `ccm/draft/${proposalIds[r]}`,
              account.token,
              { name: `Sponsor ${s} of ${people.actors[r]} (synthetic)`, role: 'Delegate' },
              tally,
              s,
            ),
          )
        }
      }
      editors.push(...batch)
      await Promise.all(batch.map((e) => e.synced()))
    }
    const joinMs = performance.now() - joinStart
    // The sponsors of a draft type at different places of its clause (start, middle, end...), so
    // that no two take back the same character.
    editors.forEach((e, i) => {
      const clause = firstClause(e.doc)
      const s = i % options.sponsors
      e.placeCursor(clause, Math.round((clause.length * s) / Math.max(1, options.sponsors - 1)))
    })
    await sleep(1000)
    const cpu = cpuShare(server)
    await typeOnSchedule(editors, options.rate, options.seconds)
    await drainAll(tallies)
    return { proposalIds, tallies, createMs, joinMs, cpu: cpu() }
  } finally {
    editors.forEach((e) => e.destroy())
  }
}

function draftLines(options: ConferenceOptions, result: DraftResult, rssMax: number): string[] {
  const all = result.tallies.flatMap((t) => t.latencies)
  const sent = result.tallies.reduce((n, t) => n + t.sent, 0)
  const arrived = result.tallies.reduce((n, t) => n + t.delivered, 0)
  const expected = result.tallies.reduce((n, t) => n + t.expected, 0)
  const roomP99 = result.tallies.map((t) => quantile(t.latencies, 0.99)).filter(Number.isFinite)
  const complete = result.tallies.filter((t) => t.delivered === t.expected).length
  return [
    `  (b) ${options.drafts} draft rooms x ${options.sponsors} sponsors at ${options.rate}/s for ` +
      `${options.seconds} s (${sent} keystrokes; readers still connected): p50 ${ms(quantile(all, 0.5))} ` +
      `p99 ${ms(quantile(all, 0.99))} max ${ms(quantile(all, 1))} ms, delivered ` +
      `${expected === arrived ? '100%' : `${((arrived / Math.max(1, expected)) * 100).toFixed(2)}%`}; ` +
      `per room: ${complete}/${result.tallies.length} rooms got everything, room p99 median ` +
      `${ms(quantile(roomP99, 0.5))} worst ${ms(quantile(roomP99, 1))} ms`,
    `      drafts made by REST as their first sponsor in ${ms(result.createMs)} ms ` +
      `(${ms(result.createMs / Math.max(1, options.drafts))} ms each), sponsors joined in ` +
      `${ms(result.joinMs)} ms; while typing ${result.cpu}; server RSS max ${bytes(rssMax)}`,
  ]
}

// A draft's first clause: the fragment holds one paragraph per clause.
function firstClause(doc: Y.Doc): Y.XmlText {
  const block = doc.getXmlFragment(TEXT_FRAGMENT).get(0)
  const text = block instanceof Y.XmlElement ? block.get(0) : undefined
  if (!(text instanceof Y.XmlText)) throw new Error('a draft without a clause')
  return text
}

// (c) After the register update, each delegate's browser fetches its drafts again at its next
// poll (client/src/features/proposals/useMyDrafts.ts), within 3 s: the same requests here.
async function refetches(
  url: string,
  readers: Reader[],
  arrival: number[],
  limit: number,
): Promise<{ times: number[]; failed: number; bytes: number; doneMs: number; delegates: number }> {
  const delegates = readers.filter((r) => r.delegate).slice(0, limit)
  const times: number[] = []
  let failed = 0
  let total = 0
  const first = Math.min(...delegates.map((r) => arrival[r.index] ?? performance.now()))
  await Promise.all(
    delegates.map(async (r) => {
      const at = (arrival[r.index] ?? performance.now()) + Math.random() * DRAFT_POLL_MS
      await sleep(Math.max(0, at - performance.now()))
      const start = performance.now()
      try {
        const answer = await rest(url, r.token, 'GET', '/proposals')
        if (answer.status === 200) {
          times.push(performance.now() - start)
          total += answer.body.length
        } else failed++
      } catch {
        failed++
      }
    }),
  )
  return {
    times,
    failed,
    bytes: total,
    doneMs: performance.now() - first,
    delegates: delegates.length,
  }
}

/** What (d) measured on one server. */
interface StormResult {
  /** From the drop until every client had every room synced; null if some never did. */
  allMs: number | null
  /** Per client, from the drop until it had all its rooms synced. */
  perClient: number[]
  retries: number
  unsynced: number
  /** The server's and the generator's CPU share until every client was synced. */
  cpu: string
  /** The server's highest RSS from the drop until 3 s after the last sync. */
  rssMax: number
}

// (d) Every client drops all its sockets at once; each reconnects at a random moment within the
// next second, asking only for what it lacks (the state vector it had, as a browser's document
// would), and retries a second later if refused or cut.
async function reconnectStorm(
  clients: { reader: RoomReader; vector: Uint8Array }[][],
  serverCpuMs: () => number,
  rss: RssSampler,
): Promise<StormResult> {
  await sleep(1000)
  rss.enter('storm')
  const cpu = cpuShare({ cpuMs: serverCpuMs })
  const dropAt = performance.now()
  clients.forEach((sockets) => sockets.forEach(({ reader }) => reader.drop()))
  let retries = 0
  const reconnect = async (reader: RoomReader, vector: Uint8Array) => {
    await sleep(Math.random() * 1000)
    while (performance.now() - dropAt < 60_000) {
      try {
        await within(20_000, 'a reconnect', reader.connect(vector))
        return performance.now() - dropAt
      } catch {
        retries++
        reader.drop()
        await sleep(1000)
      }
    }
    return NaN
  }
  const results = await Promise.all(
    clients.map(async (sockets) => {
      const synced = await Promise.all(sockets.map((s) => reconnect(s.reader, s.vector)))
      return Math.max(...synced)
    }),
  )
  const unsynced = results.filter((t) => !Number.isFinite(t)).length
  const cpuUntilSynced = cpu()
  await sleep(3000) // RSS after the storm settles counts too
  rss.enter('after')
  return {
    allMs: unsynced === 0 ? Math.max(...results) : null,
    perClient: results.filter(Number.isFinite),
    retries,
    unsynced,
    cpu: cpuUntilSynced,
    rssMax: Math.max(rss.max('storm'), rss.max('after')),
  }
}

// What a browser's copy of a room holds now (its state vector), read by a full client.
async function stateVector(wsUrl: string, room: string, token: string | null) {
  const editor = new Editor(wsUrl, room, token, { name: 'Mirror', role: 'Chair' }, new Tally(1), 0)
  try {
    await editor.synced()
    return Y.encodeStateVector(editor.doc)
  } finally {
    editor.destroy()
  }
}

function closes(readers: Reader[]): string {
  const codes = new Map<number, number>()
  for (const r of readers)
    for (const room of [r.text, r.register])
      room.closeCodes.forEach((n, code) => codes.set(code, (codes.get(code) ?? 0) + n))
  return codes.size === 0 ? 'none' : [...codes].map(([code, n]) => `${code} x${n}`).join(', ')
}

async function rest(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/negotiations/${NEGOTIATION}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.text() }
}

const delivered = (t: Tally): string =>
  t.delivered === t.expected
    ? '100%'
    : `${((t.delivered / Math.max(1, t.expected)) * 100).toFixed(2)}%`

// Until every update has reached every client, or nothing more arrived for 3 s.
const drain = (tally: Tally) => drainAll([tally])

async function drainAll(tallies: Tally[]): Promise<void> {
  const count = () => tallies.reduce((n, t) => n + t.delivered, 0)
  const expected = () => tallies.reduce((n, t) => n + t.expected, 0)
  let last = -1
  let stalledSince = performance.now()
  while (count() < expected()) {
    if (count() !== last) {
      last = count()
      stalledSince = performance.now()
    } else if (performance.now() - stalledSince > 3000) return
    await sleep(20)
  }
}

async function waitUntil(msLimit: number, check: () => boolean): Promise<void> {
  const until = performance.now() + msLimit
  while (!check() && performance.now() < until) await sleep(10)
}

const sleep = (msDelay: number) => new Promise((resolve) => setTimeout(resolve, msDelay))

function within<T>(msLimit: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), msLimit)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
