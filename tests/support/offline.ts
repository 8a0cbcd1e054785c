import type { BrowserContext, Page } from 'playwright-core'
import type * as Y from 'yjs'
import { connectClient, type CollabClient } from './collabClient'
import { call } from './api'
import type { E2EEnvironment } from './browser'
import { anchorOn, articleText } from './proposals'
import type { TestServer } from './startServer'

/** The header indicator's states (issue 14's UI contract). */
export type SyncState = 'saved' | 'pending' | 'offline' | 'connecting' | 'refused'

/** One state the indicator showed, and its words then. */
export interface SeenSync {
  state: string
  text: string
}

/** The indicator of a page: its root element. */
export const syncIndicator = (page: Page) => page.locator('.sync-indicator').first()

/** Cuts a browser context off the network and waits until its pages know it (`offline` fired). */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true)
  for (const page of context.pages())
    await page.waitForFunction(() => !navigator.onLine, undefined, { timeout: 5_000 })
}

/** Puts a browser context back on the network. */
export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false)
  for (const page of context.pages())
    await page.waitForFunction(() => navigator.onLine, undefined, { timeout: 5_000 })
}

/** The indicator's state (`data-sync`) and visible words now; null state when it is not shown. */
export async function syncNow(page: Page): Promise<{ state: string | null; text: string }> {
  return page.evaluate(() => {
    const el = document.querySelector('.sync-indicator')
    return {
      state: el?.getAttribute('data-sync') ?? null,
      // The button's words, not the popover's (it may be open).
      text: (el?.querySelector('button') ?? el)?.textContent?.trim() ?? '',
    }
  })
}

/** Waits until the indicator shows `state` (and words matching `text`, if given); answers its words. */
export async function waitForSyncState(
  page: Page,
  state: SyncState,
  text?: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let last: { state: string | null; text: string } = { state: null, text: '' }
  while (Date.now() < deadline) {
    last = await syncNow(page)
    if (last.state === state && (!text || text.test(last.text))) return last.text
    await page.waitForTimeout(100)
  }
  throw new Error(
    `the sync indicator did not show ${state}${text ? ` ${text}` : ''}: it shows ${last.state} “${last.text}”`,
  )
}

/**
 * Records every state the indicator of any page of `context` shows, from now on, across reloads
 * and new pages: a MutationObserver in each page reports to the test through a binding, so that
 * no state is missed between two polls.
 */
export async function recordSyncStates(context: BrowserContext): Promise<SeenSync[]> {
  const seen: SeenSync[] = []
  await context.exposeBinding('__plenaryRecordSync', (_source, state: string, text: string) => {
    const last = seen[seen.length - 1]
    if (!last || last.state !== state || last.text !== text) seen.push({ state, text })
  })
  // A string, not a function: the test's compiler would add helpers the page does not have.
  await context.addInitScript({
    content: `(() => {
      const report = () => {
        const el = document.querySelector('.sync-indicator')
        if (!el) return
        const words = (el.querySelector('button') || el).textContent || ''
        window.__plenaryRecordSync(el.getAttribute('data-sync') || '', words.trim())
      }
      new MutationObserver(report).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-sync'],
        characterData: true,
      })
    })()`,
  })
  return seen
}

/** The states seen, without "connecting", each once in a row: e.g. offline → pending → saved. */
export const stateSequence = (seen: readonly SeenSync[]): string[] =>
  seen
    .map((s) => s.state)
    .filter((s) => s !== 'connecting')
    .filter((s, i, all) => i === 0 || all[i - 1] !== s)

/** The IndexedDB databases of the page's origin, by name. */
export const databaseNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort())

/** The Cache Storage caches of the page's origin (the service worker's precache, `plenary-api`). */
export const cacheNames = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await caches.keys()).sort())

/** The URLs the service worker keeps in one cache. */
export const cachedUrls = (page: Page, cache: string): Promise<string[]> =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return []
    return (await (await caches.open(name)).keys()).map((r) => r.url)
  }, cache)

/**
 * Waits until the service worker controls the page and has warmed up its API cache (the app marks
 * `<html data-offline-ready>`), and the cache holds who is signed in and the negotiation: what a
 * reload offline reads.
 */
export async function waitForOfflineReady(page: Page, negotiationId = 'ccm'): Promise<void> {
  const deadline = Date.now() + 30_000
  let state = { controlled: false, ready: false }
  while (Date.now() < deadline) {
    state = await page.evaluate(() => ({
      controlled: navigator.serviceWorker?.controller != null,
      ready: document.documentElement.dataset.offlineReady === 'true',
    }))
    if (state.controlled && state.ready) break
    await page.waitForTimeout(200)
  }
  const urls = (await cachedUrls(page, 'plenary-api')).map((u) => new URL(u).pathname)
  const ready =
    urls.includes('/api/me') && urls.some((u) => u.startsWith(`/api/negotiations/${negotiationId}`))
  if (!state.controlled || !state.ready || !ready)
    throw new Error(
      `not ready to reload offline: ${JSON.stringify(state)}; the API cache holds ${urls.join(', ')}`,
    )
}

/**
 * Whether the page (and its service worker) can still reach the server: a GET of an API answer
 * no cache holds. Offline emulation must cut the worker off too, or a "reload offline" would
 * quietly read the live server.
 */
export const reachesServer = (page: Page): Promise<boolean> =>
  page.evaluate(async () => {
    try {
      const res = await fetch(`/api/negotiations?probe=${Math.random()}`, { cache: 'no-store' })
      return res.status > 0
    } catch {
      return false
    }
  })

/** Console errors a page shows because it is offline (failed loads and websockets), to set aside. */
export const isOfflineNoise = (error: string): boolean =>
  /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|net::ERR_FAILED|Failed to fetch|FetchEvent|no-response/.test(
    error,
  )

/** The account id of a demo account, as `/api/me` answers it. */
export async function accountIdOf(server: TestServer, username: string): Promise<string> {
  const session = await server.loginAs(username)
  const res = await fetch(`${server.url}/api/me`, { headers: { ...session } })
  const body = (await res.json()) as { me: { account: { id: string } } }
  return body.me.account.id
}

/** A Node client of a room on the server, signed in by `username`'s API token, once synced. */
export async function roomOnServer(
  server: TestServer,
  username: string,
  room: string,
): Promise<CollabClient> {
  const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(username) })
  await client.synced()
  return client
}

/** The server's text of an article now (through a fresh client of `ccm/text`), paragraphs on lines. */
export async function serverArticleText(
  server: TestServer,
  articleId: string,
  username = 'observer',
): Promise<string> {
  const client = await roomOnServer(server, username, 'ccm/text')
  try {
    return articleText(client.pmDoc(), articleId)
  } finally {
    client.destroy()
  }
}

/** Every note body (and reply body) in a notes room's document. */
export function noteBodies(doc: Y.Doc): string[] {
  const bodies: string[] = []
  for (const note of doc.getMap<Y.Map<unknown>>('annotations').values()) {
    bodies.push(String(note.get('body') ?? ''))
    const replies = note.get('replies') as Y.Array<{ body: string }> | undefined
    for (const reply of replies?.toArray() ?? []) bodies.push(reply.body)
  }
  return bodies
}

/** The note bodies a notes room holds on the server, read by `username`. */
export async function serverNoteBodies(
  server: TestServer,
  username: string,
  room: string,
): Promise<string[]> {
  const client = await roomOnServer(server, username, room)
  try {
    return noteBodies(client.doc)
  } finally {
    client.destroy()
  }
}

/** "HH:MM" of the page's clock now (24-hour, local time), as the indicator prints times. */
export const pageClock = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const d = new Date()
    const two = (n: number) => String(n).padStart(2, '0')
    return `${two(d.getHours())}:${two(d.getMinutes())}`
  })

/**
 * How many updates a y-indexeddb database holds (its `updates` store), or -1 when the database
 * does not exist: lets a test wait until an edit is on disk before it reloads.
 */
export const storedUpdates = (page: Page, dbName: string): Promise<number> =>
  page.evaluate(async (name) => {
    // Opening a database that is not there would create it.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return -1
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    try {
      if (!db.objectStoreNames.contains('updates')) return 0
      return await new Promise<number>((resolve, reject) => {
        const req = db.transaction('updates', 'readonly').objectStore('updates').count()
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
    } finally {
      db.close()
    }
  }, dbName)

/** The bodies of every answer a cache of the page's origin keeps, with their URLs. */
export const cachedBodies = (page: Page, cache: string): Promise<{ url: string; body: string }[]> =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return []
    const store = await caches.open(name)
    const out: { url: string; body: string }[] = []
    for (const req of await store.keys()) {
      const res = await store.match(req)
      out.push({ url: req.url, body: (await res?.text()) ?? '' })
    }
    return out
  }, cache)

/**
 * Germany's draft replacing `words` in `articleId`, with France as co-sponsor, made through the
 * REST API; answers its room name.
 */
export async function draftOfGermanyAndFrance(
  env: E2EEnvironment,
  title: string,
  words: string,
  articleId = 'art-2',
): Promise<string> {
  const text = await roomOnServer(env.server, 'germany', 'ccm/text')
  const created = await call(
    env.url,
    await env.server.loginAs('germany'),
    'POST',
    '/api/negotiations/ccm/proposals',
    {
      params: { kind: 'replacement' },
      title,
      articleId,
      anchor: anchorOn(text.doc, articleId, words),
      coSponsors: ['FRA'],
    },
  )
  text.destroy()
  if (created.status !== 201) throw new Error(`the draft was not created: ${created.status}`)
  return `ccm/draft/${(created.body as { proposal: { id: string } }).proposal.id}`
}
