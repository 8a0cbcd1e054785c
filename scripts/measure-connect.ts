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
import { prepareOurData, removeOurData } from '../bench/support/ourServer'

const ROOT = path.resolve(import.meta.dirname, '..')
const N = Number(process.argv[2] ?? 1000)
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

function connect(url: string): Promise<{ ws: WebSocket; ms: number; bytes: number }> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    let bytes = 0
    ws.binaryType = 'nodebuffer'
    ws.on('open', () => ws.send(syncStep1()))
    ws.on('message', (data: Buffer) => {
      bytes += data.length
      if (isSyncStep2(data)) resolve({ ws, ms: performance.now() - start, bytes })
    })
    ws.on('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)))
    ws.on('error', reject)
  })
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const prepared = await prepareOurData([
  { prefix: 'reader', count: N + 1, membership: () => ({ role: 'observer' }) },
])
const tokens = prepared.accounts.reader!.map((a) => a.token)
const out = { text: '' }
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROBE_GC === '1' ? ['--expose-gc'] : []),
    // The flags `npm start` gives node, unless SERVER_ARGS says otherwise.
    ...(process.env.SERVER_ARGS ?? '--max-semi-space-size=4').split(' ').filter(Boolean),
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
    `room loaded:     ${fmt(await memoryOf(child, out))} (first sync ${first.ms.toFixed(0)} ms, ${first.bytes} B)`,
  )
  const rounds = Number(process.env.ROUNDS ?? 1)
  for (let round = 0; round < rounds; round++) {
    const start = performance.now()
    const clients = await Promise.all(tokens.slice(0, N).map((t) => connect(url(t))))
    const total = performance.now() - start
    const times = clients.map((c) => c.ms).sort((a, b) => a - b)
    console.log(
      `connect ${N}: all synced in ${total.toFixed(0)} ms; per client p50 ${pct(times, 50).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms; ${clients[0]!.bytes} B each`,
    )
    await new Promise((r) => setTimeout(r, 1000))
    console.log(
      `${N} connected:   ${fmt(await memoryOf(child, out))}; VmRSS ${(rssOf(child.pid!) / MB).toFixed(1)} MB`,
    )
    await Promise.all(clients.map((c) => new Promise((r) => (c.ws.once('close', r), c.ws.close()))))
    await new Promise((r) => setTimeout(r, 500))
  }
  first.ws.close()
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  removeOurData(prepared)
}
