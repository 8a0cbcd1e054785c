import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { startServer } from './startServer'

/** The flags Debian's Chromium needs to run headless in a container, quietly. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Launches the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

/** A user of Plenary: an isolated browser context with its own name, and its page. */
export interface BrowserUser {
  context: BrowserContext
  page: Page
  /** Browser console errors and page errors, for assertions and for debugging a failure. */
  errors: string[]
}

/**
 * Opens a fresh context (own cookies and localStorage, like a separate person) at 1280x800,
 * with a chosen display name, on a URL of the app.
 */
export async function openAs(browser: Browser, name: string, url: string): Promise<BrowserUser> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(
    (user) => {
      localStorage.setItem('plenary.user', JSON.stringify(user))
    },
    { name, color: name.length % 2 ? '#1d5fbf' : '#b3261e' },
  )
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  await page.goto(url)
  return { context, page, errors }
}

/** Waits until the editor has synced and shows the text. */
export async function waitForText(page: Page): Promise<void> {
  await page.locator('.ProseMirror section.article').first().waitFor()
}

/** The outline as the user sees it: one "Art. N|Title" string per article. */
export function outlineEntries(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="outline"] .outline-item')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.querySelector('.outline-number')?.textContent ?? ''}|${item.querySelector('.outline-title')?.textContent ?? ''}`,
      ),
    )
}

/** A real Plenary server on a free port with a fresh data folder, and a browser to drive it. */
export interface E2EEnvironment {
  url: string
  browser: Browser
  /** Opens the app as a new person (own context) at a path such as `/n/ccm`. */
  open: (name: string, path: string) => Promise<BrowserUser>
  /** Closes every context, the browser, the server, and deletes the data folder. */
  close: () => Promise<void>
}

/**
 * Starts the server in-process (port 0, temp data dir, the demo negotiation, the built client
 * from dist/client) and launches Chromium.
 */
export async function startE2E(): Promise<E2EEnvironment> {
  const server = await startServer()
  const browser = await launchBrowser()
  const users: BrowserUser[] = []
  return {
    url: server.url,
    browser,
    open: async (name, at) => {
      const user = await openAs(browser, name, new URL(at, server.url).href)
      users.push(user)
      return user
    },
    close: async () => {
      for (const user of users) await user.context.close().catch(() => {})
      await browser.close()
      await server.dispose()
    },
  }
}

/** The text of an element of the editor without other people's caret labels in it. */
export function textOf(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    copy.querySelectorAll('.remote-caret').forEach((caret) => caret.remove())
    return copy.textContent ?? ''
  })
}

/** Class and text (without carets) of every clause of an article, e.g. "clause clause-sub|its stockpiles;". */
export function clausesOf(article: Locator): Promise<string[]> {
  return article.locator('p.clause').evaluateAll((ps) =>
    ps.map((p) => {
      const copy = p.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.remote-caret').forEach((caret) => caret.remove())
      return `${p.className}|${copy.textContent ?? ''}`
    }),
  )
}
