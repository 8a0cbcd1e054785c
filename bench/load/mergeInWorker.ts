import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** How long Y.mergeUpdates + apply took, or that it passed the time limit. */
export type MergeTiming = { ms: number; xml: string } | { timedOut: true; limitMs: number }

// Plain CommonJS so the worker needs no TypeScript loader; it loads the same yjs package.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Y = require(workerData.yjs)
const start = performance.now()
const doc = new Y.Doc({ gc: true })
Y.applyUpdate(doc, Y.mergeUpdates(workerData.updates))
const ms = performance.now() - start
parentPort.postMessage({ ms, xml: doc.getXmlFragment(workerData.fragment).toString() })
`

/**
 * Times Y.mergeUpdates over `updates` and applying the result to a fresh Y.Doc, in a worker that
 * is stopped after `limitMs`: the merge grows much faster than linearly with the update count.
 */
export function timeMergeInWorker(
  updates: Uint8Array[],
  fragment: string,
  limitMs: number,
): Promise<MergeTiming> {
  const yjs = createRequire(import.meta.url).resolve('yjs')
  const worker = new Worker(WORKER, { eval: true, workerData: { updates, fragment, yjs } })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve({ timedOut: true, limitMs })
    }, limitMs)
    worker.once('message', (result: { ms: number; xml: string }) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    })
    worker.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
