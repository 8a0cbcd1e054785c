// Measures connecting N token-authenticated raw websocket clients to the compiled server
// (dist/server/index.js, run with plain node) and the server's memory: idle, with ccm/text
// loaded, and with all N connected. Each client has its own account and API token
// (bench/support). Run: `npm run build:server && npx tsx scripts/measure-connect.ts [N]`.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { prepareOurData, removeOurData } from '../bench/support/ourServer'
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags'
import { clauseText } from '../tests/support/collabClient'

const ROOT = path.resolve(import.meta.dirname, '..')
const N = Number(process.argv[2] ?? 1000)
// After connecting: TYPISTS chairs type KEYS_PER_S each for TYPE_SECONDS (0: no typing).
const TYPISTS = Number(process.env.TYPISTS ?? 20)
const KEYS_PER_S = Number(process.env.KEYS_PER_S ?? 5)
const TYPE_SECONDS = Number(process.env.TYPE_SECONDS ?? 0)
const PORT = Number(process.env.PORT ?? 8131)
const MB = 1024 * 1024

// A sync step 1 with an empty state vector: "send me everything".
function syncStep1(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, new Uint8Array([0]))
  return encoding.toUint8Array(e)
}

const isSyncStep2 = (data: Buffer): boolean => {
  const d = decoding.createDecoder(new Uint8Array(data))
  return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024
}

// Asks the server (memory-probe.mjs) for process.memoryUsage() and its heap spaces.
function memoryOf(child: ChildProcess, out: { text: string }): Promise<Record<string, unknown>> {
  const before = out.text.length
  child.kill('SIGUSR2')
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const m = /MEMORY (\{.*\})\n/.exec(out.text.slice(before))
      if (m) {
        clearInterval(poll)
        resolve(JSON.parse(m[1]!) as Record<string, unknown>)
      }
    }, 20)
  })
}

const fmt = (m: Record<string, unknown>) => {
  const n = (k: string) => ((m[k] as number) / MB).toFixed(1)
  const spaces = m.spaces as Record<string, [number, number]>
  const s = Object.entries(spaces)
    .filter(([, [, size]]) => size > MB / 2)
    .map(
      ([k, [used, size]]) =>
        `${k.replace('_space', '')} ${(used / MB).toFixed(1)}/${(size / MB).toFixed(1)}`,
    )
    .join(', ')
  return `rss ${n('rss')} MB, heapUsed ${n('heapUsed')} / heapTotal ${n('heapTotal')}, external ${n('external')} (arrayBuffers ${n('arrayBuffers')}) [${s}]`
}

function connect(url: string): Promise<{ ws: WebSocket; ms: number; bytes: () => number }> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    let bytes = 0
    ws.binaryType = 'nodebuffer'
    ws.on('open', () => ws.send(syncStep1()))
    ws.on('message', (data: Buffer) => {
      bytes += data.length
      if (isSyncStep2(data)) resolve({ ws, ms: performance.now() - start, bytes: () => bytes })
    })
    ws.on('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)))
    ws.on('error', reject)
  })
}

// A chair's client that types: a Y.Doc synced over a raw websocket, sending each local update.
async function typist(url: string, article: number): Promise<{ type(): void; close(): void }> {
  const doc = new Y.Doc()
  const ws = new WebSocket(url)
  ws.binaryType = 'arraybuffer'
  let synced = false
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('close', (code) => reject(new Error(`typist closed ${code}`)))
    ws.on('open', () => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep1(e, doc)
      ws.send(encoding.toUint8Array(e))
    })
    ws.on('message', (data: ArrayBuffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) !== 0) return
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, 0)
      const kind = syncProtocol.readSyncMessage(d, reply, doc, 'remote')
      if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply))
      if (kind === syncProtocol.messageYjsSyncStep2 && !synced) {
        synced = true
        resolve()
      }
    })
  })
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeUpdate(e, update)
    ws.send(encoding.toUint8Array(e))
  })
  await ready
  return {
    type: () => {
      const text = clauseText(doc, article, 1)
      text.insert(Math.floor(Math.random() * (text.length + 1)), 'x')
    },
    close: () => ws.close(),
  }
}

// Seconds of CPU (user + system) the process has used.
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const prepared = await prepareOurData([
  { prefix: 'reader', count: N + 1, membership: () => ({ role: 'observer' }) },
  { prefix: 'typist', count: TYPISTS, membership: () => ({ role: 'chair' }) },
])
const typistTokens = prepared.accounts.typist!.map((a) => a.token)
const tokens = prepared.accounts.reader!.map((a) => a.token)
const out = { text: '' }
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROBE_GC === '1' ? ['--expose-gc'] : []),
    // The flags `npm start` gives node, unless SERVER_ARGS says otherwise.
    ...(process.env.SERVER_ARGS?.split(' ').filter(Boolean) ?? SERVER_NODE_FLAGS),
    '--import',
    path.join(ROOT, 'scripts/memory-probe.mjs'),
    process.env.BUNDLE ?? path.join(ROOT, 'dist/server/index.js'),
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: prepared.dataDir,
      ADMIN_PASSWORD: 'measure-connect',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
)
child.stdout!.on('data', (c: Buffer) => (out.text += c.toString()))
child.stderr!.on('data', (c: Buffer) => process.stderr.write(c))
try {
  while (!/listening/.test(out.text)) await new Promise((r) => setTimeout(r, 50))
  await new Promise((r) => setTimeout(r, 1000))
  const url = (token: string) => `ws://127.0.0.1:${PORT}/collab/ccm/text?token=${token}`
  console.log(`idle:            ${fmt(await memoryOf(child, out))}`)
  const first = await connect(url(tokens[N]!))
  console.log(
    `room loaded:     ${fmt(await memoryOf(child, out))} (first sync ${first.ms.toFixed(0)} ms, ${first.bytes()} B)`,
  )
  const rounds = Number(process.env.ROUNDS ?? 1)
  for (let round = 0; round < rounds; round++) {
    const start = performance.now()
    const clients = await Promise.all(tokens.slice(0, N).map((t) => connect(url(t))))
    const total = performance.now() - start
    const times = clients.map((c) => c.ms).sort((a, b) => a - b)
    console.log(
      `connect ${N}: all synced in ${total.toFixed(0)} ms; per client p50 ${pct(times, 50).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms; ${clients[0]!.bytes()} B each`,
    )
    await new Promise((r) => setTimeout(r, 1000))
    console.log(
      `${N} connected:   ${fmt(await memoryOf(child, out))}; VmRSS ${(rssOf(child.pid!) / MB).toFixed(1)} MB`,
    )
    if (TYPE_SECONDS > 0) {
      const typists = await Promise.all(typistTokens.map((t, i) => typist(url(t), 1 + (i % 20))))
      const bytesBefore = clients.reduce((sum, c) => sum + c.bytes(), 0)
      const cpuBefore = cpuOf(child.pid!)
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 100)
      const timers = typists.map((t) => setInterval(() => t.type(), 1000 / KEYS_PER_S))
      await new Promise((r) => setTimeout(r, TYPE_SECONDS * 1000))
      timers.forEach(clearInterval)
      await new Promise((r) => setTimeout(r, 1000))
      clearInterval(sampler)
      const keystrokes = typists.length * KEYS_PER_S * TYPE_SECONDS
      const perReader = (clients.reduce((sum, c) => sum + c.bytes(), 0) - bytesBefore) / N
      console.log(
        `typing ${typists.length} x ${KEYS_PER_S}/s for ${TYPE_SECONDS} s to ${N} readers: server CPU ${(cpuOf(child.pid!) - cpuBefore).toFixed(1)} s, peak VmRSS ${(peak / MB).toFixed(1)} MB, ${(perReader / keystrokes).toFixed(0)} B per keystroke per reader; ${fmt(await memoryOf(child, out))}`,
      )
      typists.forEach((t) => t.close())
    }
    await Promise.all(clients.map((c) => new Promise((r) => (c.ws.once('close', r), c.ws.close()))))
    await new Promise((r) => setTimeout(r, 500))
  }
  first.ws.close()
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  removeOurData(prepared)
}
