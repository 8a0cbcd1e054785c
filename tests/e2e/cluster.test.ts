import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addSessionCookie,
  launchBrowser,
  newContext,
  openPage,
  textOf,
  waitForText,
  type BrowserUser,
} from '../support/browser'
import { startCluster, type Cluster } from '../support/cluster'

// Two Plenary processes on one PostgreSQL schema and one Redis prefix, as behind a load balancer
// without sticky sessions: the chair's browser on one, a delegation's on the other (issue 16).
describe('two instances, two browsers', () => {
  let cluster: Cluster
  let browser: Browser

  beforeAll(async () => {
    cluster = await startCluster(2)
    browser = await launchBrowser()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await cluster?.close()
  })

  // Signs `username` in through instance `i` and opens the demo text there.
  const open = async (i: number, username: string): Promise<BrowserUser> => {
    const context = await newContext(browser)
    const { cookie } = await cluster.login(username, undefined, i)
    await addSessionCookie(context, cookie, cluster.url(i))
    return openPage(context, new URL('/n/ccm', cluster.url(i)).href)
  }

  it('shows what the chair types through one instance to a delegate reading through the other', async () => {
    const chair = await open(0, 'chair')
    const france = await open(1, 'france')
    await Promise.all([waitForText(chair.page), waitForText(france.page)])
    const title = (u: BrowserUser) =>
      u.page.locator('.ProseMirror section.article').nth(2).locator('h2.article-title')

    await chair.page
      .getByRole('button', { name: /Art\. 3\s*Storage and stockpile destruction/ })
      .click()
    await chair.page.keyboard.type(' and clearance')
    await expect
      .poll(() => textOf(title(france)), { timeout: 20_000 })
      .toBe('Storage and stockpile destruction and clearance')

    // Presence crosses instances too: the delegate sees the chair, in the article typed in.
    const chairHere = france.page.getByTestId('presence').locator('li', { hasText: 'Chair' })
    await expect.poll(() => chairHere.textContent(), { timeout: 20_000 }).toContain('Art. 3')

    // Someone opening the text later through the delegate's instance reads it as typed.
    const reader = await open(1, 'germany')
    await waitForText(reader.page)
    expect(await textOf(title(reader))).toBe('Storage and stockpile destruction and clearance')
    expect([...chair.errors, ...france.errors, ...reader.errors]).toEqual([])
  })
})
