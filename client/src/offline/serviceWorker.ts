import { onReadBeforeWorker, takeReadsBeforeWorker } from '../api'

/**
 * The service worker (vite.config.ts: Workbox's generateSW) keeps the app shell and the API
 * answers read through it. The page's first reads happen before the worker controls it, so they
 * are not in its cache: once it controls the page, they are read once more, through it, so that
 * a reload while offline finds who is signed in and the negotiation this page showed.
 */

/** Reads one API path through the worker, as `request` in api.ts reads it (same headers). */
export type ReadPath = (path: string) => Promise<unknown>

const readThroughWorker: ReadPath = (path) =>
  fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' })

/**
 * Reads again the paths read before the worker took over, and any read that was in flight then
 * once it arrives; resolves when the paths known so far are read (failures are skipped: the
 * next read of that path goes through the worker anyway). Answers the unsubscribe too.
 */
export function warmUp(read: ReadPath = readThroughWorker): {
  done: Promise<void>
  stop: () => void
} {
  let running: Promise<void> = Promise.resolve()
  const drain = () => {
    running = running.then(async () => {
      const paths = takeReadsBeforeWorker()
      await Promise.allSettled(paths.map((p) => read(p)))
    })
    return running
  }
  const stop = onReadBeforeWorker(() => void drain())
  return { done: drain(), stop }
}

let warmedUp: Promise<void> | null = null

/** Resolves once the API cache holds what this page read before the worker (null: no worker). */
export const serviceWorkerWarmedUp = (): Promise<void> | null => warmedUp

/**
 * Registers the service worker (production builds only: the dev server has none) and warms up
 * its API cache when it first controls the page.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const container = navigator.serviceWorker
  warmedUp = new Promise((resolve) => {
    // The marker lets a test (or a curious person) see that a reload offline will find the data.
    const start = () =>
      void warmUp().done.then(() => {
        document.documentElement.dataset.offlineReady = 'true'
        resolve()
      })
    if (container.controller) start()
    else container.addEventListener('controllerchange', start, { once: true })
  })
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }))
}
