import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { addSessionCookie, launchBrowser, newContext } from '../../tests/support/browser'
import { DEMO_PASSWORD, login } from '../../tests/support/startServer'
import { startPlenary, type PlenaryProcess } from '../conference/plenaryProcess'
import { bytes, median, ms, ratio } from '../stats'
import { createBenchAccounts } from '../support/benchAccounts'
import { buildOurServer } from '../support/ourServer'
import { makeHistory, type History } from './makeHistory'

/** How big a history, made how, and how many opens to time. */
export interface BrowserOptions {
  /** Keystrokes in the history. */
  keystrokes: number
  /** Clients typing it in parallel, and their keystrokes per second together. */
  clients: number
  rate: number
  /** Timed opens of each text (median). */
  runs: number
  /** The demo account that opens the text (its password is the demo's). */
  username: string
}

const ROOT = path.resolve(import.meta.dirname, '../..')
const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html')
/** The target for opening the text after the history. */
const TARGET_MS = 700

// Runs in the page before its scripts: notes the moment (ms since navigation start) of the
// frame that first paints the editor with an article of the text, editable.
const WATCH_EDITABLE = `(() => {
  let seen = false
  const check = () => {
    if (seen) return
    const editor = document.querySelector('.ProseMirror[contenteditable="true"]')
    if (!editor || !editor.querySelector('section.article')) return
    seen = true
    observer.disconnect()
    requestAnimationFrame(() => { window.__benchEditableAt = performance.now() })
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] })
})()`

/**
 * Opening the CCM in headless Chromium after a history of `keystrokes` keystrokes at random
 * places, typed by real clients (official providers, chair tokens), against opening a fresh CCM
 * in the same run: navigation start to the editable text, median of `runs` opens each, each in
 * a fresh browser context (nothing cached, as a first visit).
 */
export async function benchBrowser(options: BrowserOptions): Promise<string[]> {
  ensureClientBuilt()
  // Built from the sources as they are now (dist/server may be older).
  const compiled = buildOurServer()
  const fresh = await startPlenary(async () => null, compiled)
  const withHistory = await startPlenary(
    (storage) =>
      createBenchAccounts(storage, 'ccm', 'history', options.clients, () => ({ role: 'chair' })),
    compiled,
  ).catch(async (error: unknown) => {
    await fresh.server.stop()
    throw error
  })
  let browser: Browser | undefined
  try {
    const history = await makeHistory({
      wsUrl: withHistory.server.wsUrl,
      tokens: withHistory.prepared.map((a) => a.token),
      keystrokes: options.keystrokes,
      rate: options.rate,
    })
    browser = await launchBrowser()
    // One untimed open of each first: Chromium's own start-up is not the page's. The text after
    // the history has every article the fresh one has (the random typing garbles their words).
    const { articles } = await openText(browser, fresh.server, options.username)
    const chromium = browser
    const open = async (server: PlenaryProcess) => {
      const shown = await openText(chromium, server, options.username)
      if (shown.articles !== articles) {
        throw new Error(`the editor shows ${shown.articles} articles, not the CCM's ${articles}`)
      }
      return shown.ms
    }
    await open(withHistory.server)
    const freshTimes: number[] = []
    const historyTimes: number[] = []
    for (let run = 0; run < options.runs; run++) {
      freshTimes.push(await open(fresh.server))
      historyTimes.push(await open(withHistory.server))
    }
    return report(options, history, freshTimes, historyTimes, withHistory.server.command)
  } finally {
    await browser?.close()
    await fresh.server.stop()
    await withHistory.server.stop()
  }
}

// The built client is what the server serves; build it once if it is missing.
function ensureClientBuilt(): void {
  if (fs.existsSync(CLIENT_INDEX)) return
  execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}

// One open of /n/ccm as a signed-in demo account, in a new context: ms from navigation start
// until the editor shows the text and is editable, and how many articles it shows then.
async function openText(
  browser: Browser,
  server: PlenaryProcess,
  username: string,
): Promise<{ ms: number; articles: number }> {
  const context = await newContext(browser)
  try {
    const { cookie } = await login(server.url, username, DEMO_PASSWORD)
    await addSessionCookie(context, cookie, server.url)
    await context.addInitScript(WATCH_EDITABLE)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${server.url}/n/ccm`)
    const at = await page
      .waitForFunction(
        () => (window as unknown as { __benchEditableAt?: number }).__benchEditableAt,
        undefined,
        { timeout: 60_000 },
      )
      .catch((error: unknown) => {
        // A client rebuilt meanwhile (dist/client) or broken: say what the page said.
        throw new Error(
          `${server.url}/n/ccm never showed the editable text: ${errors.join('; ')}`,
          {
            cause: error,
          },
        )
      })
    const articles = await page.locator('.ProseMirror section.article').count()
    return { ms: (await at.jsonValue()) as number, articles }
  } finally {
    await context.close()
  }
}

function report(
  options: BrowserOptions,
  history: History,
  fresh: number[],
  withHistory: number[],
  command: string,
): string[] {
  const f = median(fresh)
  const h = median(withHistory)
  return [
    `browser open /n/ccm as ${options.username}, navigation start -> editable text (headless ` +
      `Chromium, median of ${options.runs}): fresh CCM ${ms(f)} ms | after ${history.keystrokes} ` +
      `keystrokes ${ms(h)} ms (target < ${TARGET_MS} ms) | ratio ${ratio(h, f)}`,
    `  runs fresh ${fresh.map(ms).join('/')} ms, with history ${withHistory.map(ms).join('/')} ms; ` +
      `each in a new browser context (first visit), one untimed open of each before`,
    `  history: ${history.keystrokes} keystrokes at random places by ${options.clients} y-websocket ` +
      `clients with chair tokens (${options.rate}/s offered) in ${ms(history.ms / 1000)} s; ` +
      `document state ${bytes(history.stateBytes)}; server: ${command}`,
  ]
}
