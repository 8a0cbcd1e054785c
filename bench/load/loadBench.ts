import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { TEXT_FRAGMENT, parseRoomName, type RoomRef } from '../../shared/collab'
import { defaultOutbox } from '../../server/src/collab/Outbox'
import { Room } from '../../server/src/collab/Room'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import type { Storage } from '../../server/src/storage/Storage'
import { clauseText } from '../../tests/support/collabClient'
import { bytes, median, ms, ratio, timeRuns } from '../stats'
import { keystrokeSource, type Keystroke } from './keystrokes'
import { timeMergeInWorker } from './mergeInWorker'

/** How big a history to build and how often to open it. */
export interface LoadOptions {
  updates: number
  runs: number
  mergeRuns: number
  /** Stop a Y.mergeUpdates run after this long and report a lower bound. */
  mergeLimitMs: number
}

const ROOM = 'ccm/text'
const REF = parseRoomName(ROOM) as RoomRef

/**
 * Opens the CCM text room with a long keystroke history as the server does (storage.loadRoom,
 * then every update applied to a Y.Doc, via Room.load), against two references built from the
 * very same updates: replaying the uncompacted log, and Y.mergeUpdates over it.
 */
export async function benchLoad(options: LoadOptions): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-load-'))
  const ours = new SqliteStorage(path.join(dir, 'compacted.sqlite'))
  const log = new SqliteStorage(path.join(dir, 'log.sqlite'), { compactAfter: Infinity })
  try {
    const built = await buildHistory(ours, log, options.updates)

    const open = (storage: Storage) => async () => {
      const room = await Room.load(ROOM, REF, storage, defaultOutbox, () => {})
      room.destroy()
    }
    const expected = await checkSameText(ours, log)
    // One warm-up each, then alternate so that machine noise falls on both alike.
    await open(ours)()
    await open(log)()
    const oursTimes: number[] = []
    const logTimes: number[] = []
    for (let i = 0; i < options.runs; i++) {
      oursTimes.push(...(await timeRuns(1, open(ours))))
      logTimes.push(...(await timeRuns(1, open(log))))
    }
    const m = await timeMerge(await log.loadRoom(ROOM), expected, options)

    const o = median(oursTimes)
    const r = median(logTimes)
    const k = options.updates >= 1000 ? `${Math.round(options.updates / 1000)}k` : options.updates
    const stored = await ours.loadRoom(ROOM)
    return [
      `load ccm+${k}: ours ${ms(o)} ms | replay-log ${ms(r)} ms (${ratio(r, o)}) | ` +
        ('limitMs' in m
          ? `mergeUpdates > ${ms(m.limitMs)} ms (> ${ratio(m.limitMs, o)}, stopped)`
          : `mergeUpdates ${ms(m.ms)} ms (${ratio(m.ms, o)})`),
      `  ${built.description}; ours reads a ${bytes(stored[0]?.length ?? 0)} snapshot + ` +
        `${stored.length - 1} log rows, the references ${built.updates + 1} rows ` +
        `(${bytes(built.logBytes)}); medians of ${options.runs}, mergeUpdates of ` +
        `${options.mergeRuns} (+ apply); load average ${(os.loadavg()[0] ?? 0).toFixed(1)}; DESIGN target < 250 ms`,
      `append ${k}: ours ${built.oursAppendUs.toFixed(1)} µs/update (compaction apart, in idle ` +
        `time: ${built.oursFolds} folds, longest ${ms(built.oursLongestMs)} ms) | no compaction ${built.logAppendUs.toFixed(1)} ` +
        `µs/update (${ratio(built.oursAppendUs, built.logAppendUs)} of it)`,
    ]
  } finally {
    await ours.close()
    await log.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

interface BuiltHistory {
  description: string
  updates: number
  logBytes: number
  oursAppendUs: number
  oursLongestMs: number
  oursFolds: number
  logAppendUs: number
}

// The demo CCM text in both stores (the same initial update, so the same Yjs items), then every
// keystroke applied by one writer and appended through each store's appendUpdate.
async function buildHistory(ours: Storage, log: Storage, count: number): Promise<BuiltHistory> {
  await loadDemoIfEmpty(ours)
  const [initial] = await ours.loadRoom(ROOM)
  const negotiation = await ours.getNegotiation(REF.negotiationId)
  if (!initial || !negotiation) throw new Error('the demo negotiation did not load')
  await log.createNegotiation(negotiation, [{ room: ROOM, update: initial }])

  const writer = new Y.Doc()
  Y.applyUpdate(writer, initial)
  const articles = writer.getXmlFragment(TEXT_FRAGMENT).length - 2
  const source = keystrokeSource(count)
  let update: Uint8Array | undefined
  writer.on('update', (u: Uint8Array) => (update = u))

  const time = { ours: 0, longest: 0, log: 0, folds: 0 }
  let logBytes = initial.length
  let updates = 0
  for (const keystroke of source.keystrokes) {
    type(writer, keystroke, articles)
    if (!update) continue
    let start = performance.now()
    await ours.appendUpdate(ROOM, update)
    time.ours += performance.now() - start
    // The live room folds the log from its document in idle time, as Room does (issue 15).
    if (ours.wantsCompaction(ROOM)) {
      start = performance.now()
      await ours.compactWith(ROOM, Y.encodeStateAsUpdate(writer))
      const took = performance.now() - start
      time.longest = Math.max(time.longest, took)
      time.folds++
    }
    start = performance.now()
    await log.appendUpdate(ROOM, update)
    time.log += performance.now() - start
    logBytes += update.length
    updates++
    update = undefined
  }
  writer.destroy()
  return {
    description: `${updates} keystroke updates from ${source.description}`,
    updates,
    logBytes,
    oursAppendUs: (time.ours / updates) * 1000,
    oursLongestMs: time.longest,
    oursFolds: time.folds,
    logAppendUs: (time.log / updates) * 1000,
  }
}

// Each paragraph of the trace goes to the start of the first clause of a further article.
function type(doc: Y.Doc, { paragraph, patches }: Keystroke, articles: number): void {
  const text = clauseText(doc, paragraph % articles, 1)
  doc.transact(() => {
    for (const [pos, del, ins] of patches) {
      if (del > 0) text.delete(pos, del)
      if (ins) text.insert(pos, ins)
    }
  })
}

// Median of the merge runs, each checked to give the same text; a run past the limit ends them.
async function timeMerge(
  updates: Uint8Array[],
  expected: string,
  { mergeRuns, mergeLimitMs }: LoadOptions,
): Promise<{ ms: number } | { limitMs: number }> {
  const times: number[] = []
  for (let i = 0; i < mergeRuns; i++) {
    const run = await timeMergeInWorker(updates, TEXT_FRAGMENT, mergeLimitMs)
    if ('timedOut' in run) return { limitMs: run.limitMs }
    if (run.xml !== expected) throw new Error('Y.mergeUpdates gave a different text')
    times.push(run.ms)
  }
  return { ms: median(times) }
}

// Both stores must hold the same text, or the timings mean nothing; returns that text.
async function checkSameText(ours: Storage, log: Storage): Promise<string> {
  const text = (updates: Uint8Array[]) => {
    const doc = new Y.Doc()
    doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)))
    const xml = doc.getXmlFragment(TEXT_FRAGMENT).toString()
    doc.destroy()
    return xml
  }
  const expected = text(await ours.loadRoom(ROOM))
  if (text(await log.loadRoom(ROOM)) !== expected) {
    throw new Error('the compacted room and the uncompacted log hold different texts')
  }
  return expected
}
