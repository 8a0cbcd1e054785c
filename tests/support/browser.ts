import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { startServer, type TestServer } from './startServer'

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

/** A user of Plenary: an isolated browser context, signed in or not, and its page. */
export interface BrowserUser {
  context: BrowserContext
  page: Page
  /** Browser console errors and page errors, for assertions and for debugging a failure. */
  errors: string[]
}

/** Whether a context's pages may register the service worker. */
export type ServiceWorkers = 'allow' | 'block'

/**
 * A fresh context (own cookies and localStorage, like a separate person) at 1280x800. The
 * service worker is blocked unless a test is about working offline: elsewhere it would only
 * precache the app once more for every person of every test.
 */
export function newContext(
  browser: Browser,
  serviceWorkers: ServiceWorkers = 'block',
): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers })
}

/** Opens a page in a context, collecting its console errors, at a URL of the app. */
export async function openPage(context: BrowserContext, url: string): Promise<BrowserUser> {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (msg) => {
    // A refused sign-in or an ended session (401) is what some tests do on purpose.
    if (msg.type() === 'error' && !/status of 401/.test(msg.text())) errors.push(msg.text())
  })
  await page.goto(url)
  return { context, page, errors }
}

/** Puts a session cookie (`name=value`, as the login API sets it) into a browser context. */
export async function addSessionCookie(context: BrowserContext, cookie: string, url: string) {
  const eq = cookie.indexOf('=')
  await context.addCookies([
    {
      name: cookie.slice(0, eq),
      value: cookie.slice(eq + 1),
      url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ])
}

/** Signs in through the real sign-in page, which must be showing. */
export async function signInThroughPage(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
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
  server: TestServer
  /**
   * Opens the app as a new person (own context) at a path such as `/n/ccm`, signed in as a
   * demo account (default `chair`; `admin` too) through the login API and its cookie.
   */
  open: (path: string, username?: string) => Promise<BrowserUser>
  /** A new context signed in as a demo account, for tests that set up routes first. */
  signedInContext: (username?: string) => Promise<BrowserContext>
  /** Opens the app in a new context with nobody signed in. */
  openSignedOut: (path: string) => Promise<BrowserUser>
  /** Closes every context, the browser, the server, and deletes the data folder. */
  close: () => Promise<void>
}

/**
 * Starts the server in-process (port 0, temp data dir, the demo negotiation with its demo
 * accounts, the built client from dist/client) and launches Chromium; `serviceWorkers: 'allow'`
 * for the tests of working offline.
 */
export async function startE2E({
  serviceWorkers = 'block',
}: { serviceWorkers?: ServiceWorkers } = {}): Promise<E2EEnvironment> {
  const server = await startServer()
  const browser = await launchBrowser()
  const contexts: BrowserContext[] = []
  const context = async () => {
    const created = await newContext(browser, serviceWorkers)
    contexts.push(created)
    return created
  }
  const signedInContext = async (username = 'chair') => {
    const created = await context()
    const { cookie } = await server.loginAs(username)
    await addSessionCookie(created, cookie, server.url)
    return created
  }
  return {
    url: server.url,
    browser,
    server,
    open: async (at, username = 'chair') =>
      openPage(await signedInContext(username), new URL(at, server.url).href),
    signedInContext,
    openSignedOut: async (at) => openPage(await context(), new URL(at, server.url).href),
    close: async () => {
      for (const c of contexts) await c.close().catch(() => {})
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

/**
 * Selects the first occurrence of `phrase` in an article of the text, as a mouse would: across
 * text nodes, skipping the brackets (proposals' and the text's own), wording and carets that
 * widgets show in the text.
 */
export async function selectWords(page: Page, articleIndex: number, phrase: string) {
  await page.evaluate(
    ([index, words]) => {
      const section = document.querySelectorAll('.ProseMirror section.article')[index as number]
      if (!section) throw new Error(`no article ${index}`)
      const nodes: Text[] = []
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const widget =
          '.proposal-wording, .proposal-bracket, .proposal-new-article, .remote-caret, .text-bracket'
        if (!node.parentElement?.closest(widget)) nodes.push(node as Text)
      }
      const text = nodes.map((n) => n.data).join('')
      const at = text.indexOf(words as string)
      if (at < 0) throw new Error(`“${words}” is not in article ${index}`)
      // The text node and offset of a character offset in the joined text.
      const locate = (offset: number, end: boolean): [Text, number] => {
        let rest = offset
        for (const n of nodes) {
          if (rest < n.data.length || (end && rest === n.data.length)) return [n, rest]
          rest -= n.data.length
        }
        throw new Error('offset past the text')
      }
      const range = document.createRange()
      range.setStart(...locate(at, false))
      range.setEnd(...locate(at + (words as string).length, true))
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    },
    [articleIndex, phrase] as const,
  )
}
