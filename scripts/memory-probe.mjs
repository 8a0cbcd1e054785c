// Loaded with `node --import ./scripts/memory-probe.mjs dist/server/index.js` by
// scripts/measure-connect.ts: on SIGUSR2 the process prints one line, `MEMORY <json>`, with
// process.memoryUsage() and V8's heap spaces (bytes). Not part of the server.
import path from 'node:path'
import v8 from 'node:v8'

process.on('SIGUSR2', () => {
  if (process.env.PROBE_GC === '1' && typeof globalThis.gc === 'function') globalThis.gc()
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, [s.space_used_size, s.space_size]]),
  )
  // PROBE_SNAPSHOT=<folder>: a heap snapshot there too, each time.
  const dir = process.env.PROBE_SNAPSHOT
  if (dir) v8.writeHeapSnapshot(path.join(dir, `probe-${Date.now()}.heapsnapshot`))
  console.log(`MEMORY ${JSON.stringify({ ...process.memoryUsage(), spaces })}`)
})
