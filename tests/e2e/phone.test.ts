import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInThroughPage, startE2E, waitForText, type E2EEnvironment } from '../support/browser'
import { DEMO_PASSWORD } from '../support/startServer'

const PHONE = { width: 390, height: 844 }
const TABLET = { width: 768, height: 1024 }
const DESKTOP = { width: 1280, height: 800 }

// Screenshots for people to look at, written by every run and never committed.
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-phone-'))
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

// Wider than the window: something sticks out, or overlaps what is beside it.
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

// Whether an element is on screen and on top at its centre (not covered by a bar or a drawer).
const onTop = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const element = document.querySelector(sel)
    if (!element) return false
    const box = element.getBoundingClientRect()
    const [x, y] = [box.left + box.width / 2, box.top + Math.min(box.height / 2, 10)]
    if (y < 0 || y > window.innerHeight) return false
    return element.contains(document.elementFromPoint(x, y))
  }, selector)

const ART2 = '.ProseMirror section.article:nth-of-type(2)'
const ART2_HEADING = `${ART2} h2`

describe('the phone in the room: 390x844, and a tablet', () => {
  let env: E2EEnvironment
  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  // Opens a page of the app in a context of its own at a size, signed in as a demo account.
  const openAt = async (at: string, who: string, viewport = PHONE) => {
    const user = await env.open(at, who)
    await user.page.setViewportSize(viewport)
    return user.page
  }

  // Germany reads Art. 2: its dot in the chair's outline sits on Art. 2's line, not below it.
  const presenceOnTheArticlesLine = async (page: Page) => {
    const germany = await openAt('/n/ccm', 'germany', DESKTOP)
    await waitForText(germany)
    await germany.getByRole('button', { name: /Art\. 2\s/ }).click()
    const item = page.locator('[data-testid="outline"] .outline-item').nth(1)
    const dots = item.locator('.outline-dots')
    await dots.waitFor()
    const [number, dot] = await Promise.all(
      [item.locator('.outline-number'), dots].map(async (l) => (await l.boundingBox())!),
    )
    expect(dot!.y).toBeLessThan(number!.y + number!.height)
    await germany.close()
  }

  it('signs germany in, shows Art. 2 full width, and opens the outline and the panel as drawers', async () => {
    const { page, errors } = await env.openSignedOut('/n/ccm')
    await page.setViewportSize(PHONE)
    // A signed-out load asks who is signed in and logs no error for the answer.
    const logged: string[] = []
    page.on('console', (msg) => void (msg.type() === 'error' && logged.push(msg.text())))
    const me = page.waitForResponse((r) => r.url().endsWith('/api/me'))
    await page.reload()
    expect((await me).status()).toBe(200)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(logged).toEqual([])
    await shoot(page, 'signin-390')

    await signInThroughPage(page, 'germany', DEMO_PASSWORD)
    await waitForText(page)
    const articles = page.getByRole('button', { name: 'Articles' })
    await articles.click()
    const drawer = page.locator('#outline-drawer')
    await expect.poll(() => drawer.isVisible()).toBe(true)
    expect(await page.evaluate(() => !!document.activeElement?.closest('#outline-drawer'))).toBe(
      true,
    )
    await shoot(page, 'text-outline-drawer-390')
    // Escape closes it and gives focus back to its button; so does the backdrop.
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    expect(await articles.evaluate((b) => b === document.activeElement)).toBe(true)
    await articles.click()
    await page.locator('.drawer-backdrop').click({ position: { x: 380, y: 400 } })
    await expect.poll(() => drawer.isVisible()).toBe(false)

    await articles.click()
    await drawer.getByRole('button', { name: /Art\. 2\s/ }).click()
    await expect.poll(() => drawer.isVisible()).toBe(false)
    await expect.poll(() => onTop(page, ART2_HEADING)).toBe(true)
    const width = await page.locator(ART2).evaluate((el) => el.getBoundingClientRect().width)
    expect(width).toBeGreaterThan(300)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shoot(page, 'text-390')

    const panelButton = page.getByRole('button', { name: 'Proposals & notes' })
    await panelButton.click()
    const proposals = page.getByTestId('article-proposals')
    await expect.poll(() => proposals.isVisible()).toBe(true)
    expect(await proposals.getByRole('heading').first().textContent()).toContain('Art. 2')
    expect(await proposals.locator('.proposal-card').count()).toBeGreaterThan(0)
    await shoot(page, 'text-proposals-drawer-390')
    await page.keyboard.press('Escape')
    await expect.poll(() => proposals.isVisible()).toBe(false)

    // The top bar's controls, through the menu: a delegate's views (no Members), and Sign out.
    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.click()
    const views = page.getByRole('navigation', { name: 'Views of this negotiation' })
    const links = await views.getByRole('link').allTextContents()
    expect(links).toEqual(expect.arrayContaining(['Text', 'History', 'Rounds', 'Actors']))
    expect(links).not.toContain('Members')
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    await shoot(page, 'text-menu-390')
    // Export opens inside the menu, its links on screen.
    await page.getByText('Export', { exact: true }).click()
    const link = page.locator('.export-link').first()
    await link.waitFor()
    const box = (await link.boundingBox())!
    expect(box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true)
    await shoot(page, 'text-menu-export-390')
    await views.getByRole('link', { name: 'History' }).click()
    await page.locator('.history-title').waitFor()
    expect(await page.locator('.history-title').textContent()).toContain('Article 2')
    expect(await views.isVisible()).toBe(false)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    // The head's title and actor filter sit side by side or one above the other, never on top.
    const [title, filter] = await Promise.all(
      ['.history-title-block', '.history-filter'].map((s) =>
        page.locator(s).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
      ),
    )
    const apart =
      title!.right <= filter!.left ||
      filter!.right <= title!.left ||
      title!.bottom <= filter!.top ||
      filter!.bottom <= title!.top
    expect(apart).toBe(true)
    await shoot(page, 'history-390')

    for (const view of ['Rounds', 'Actors']) {
      await menu.click()
      await views.getByRole('link', { name: view }).click()
      await page
        .getByRole('heading', { level: 2, name: new RegExp(view) })
        .first()
        .waitFor()
      await shoot(page, `${view.toLowerCase()}-390`)
      expect({ view, overflow: await overflow(page) }).toEqual({ view, overflow: 0 })
    }
    // A closed round's text, from the last column of the rounds table (scrolled into view).
    await menu.click()
    await views.getByRole('link', { name: 'Rounds' }).click()
    await page.getByRole('link', { name: /Lima Discussion Text/ }).click()
    await page.locator('.frozen-text .article').first().waitFor()
    const frozen = await page.locator('.frozen-text').evaluate((el) => el.getBoundingClientRect())
    expect(frozen.width).toBeGreaterThan(300)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shoot(page, 'round-text-390')

    await menu.click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(errors).toEqual([])
  })

  it('fits the chair’s members page in a phone, and every page at 1280x800 as before', async () => {
    const page = await openAt('/n/ccm/members', 'chair')
    await page
      .getByRole('heading', { level: 2, name: /Members/ })
      .first()
      .waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shoot(page, 'members-390')
    // The chair's text, with the structure toolbar above it, is still the page.
    await page.goto(new URL('/n/ccm', env.url).href)
    await waitForText(page)
    expect(
      await page.locator(ART2).evaluate((el) => el.getBoundingClientRect().width),
    ).toBeGreaterThan(300)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shoot(page, 'text-chair-390')

    await page.setViewportSize(DESKTOP)
    for (const view of ['', '/history', '/rounds', '/actors', '/members']) {
      await page.goto(new URL(`/n/ccm${view}`, env.url).href)
      await page.locator('.app main, .app .sheet').first().waitFor()
      if (view === '') {
        await waitForText(page)
        expect(await page.locator('#outline-drawer').isVisible()).toBe(true)
        await presenceOnTheArticlesLine(page)
      }
      // The wide layout keeps its columns: the outline beside the text, no drawer buttons.
      expect(await page.locator('.drawer-bar').isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false)
      await shoot(page, `${view.slice(1) || 'text'}-1280`)
    }
  })

  it('shows the text on a tablet, and reads it in the dark', async () => {
    const page = await openAt('/n/ccm', 'germany', TABLET)
    await waitForText(page)
    const width = await page.locator(ART2).evaluate((el) => el.getBoundingClientRect().width)
    expect(width).toBeGreaterThan(500)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await shoot(page, 'text-768')
    // The narrowest phone and a landscape tablet: nothing sticks out of the page either.
    for (const size of [
      { width: 360, height: 740 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size)
      expect({ size, overflow: await overflow(page) }).toEqual({ size, overflow: 0 })
      await shoot(page, `text-${size.width}`)
    }

    await page.setViewportSize(DESKTOP)
    await page.emulateMedia({ colorScheme: 'dark' })
    // The surfaces follow the system's dark preference: paper darker than the ink on it.
    const [ink, paper] = await page
      .locator('#treaty-text')
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
    const light = (rgb: string) =>
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((a, b) => a + +b, 0)
    expect(light(paper!)).toBeLessThan(light(ink!))
    await shoot(page, 'text-dark-1280')
    await page.setViewportSize(PHONE)
    await shoot(page, 'text-dark-390')
    // Brackets, wording and the diff's inserts and deletes, in the dark, for people to look at.
    await page.getByRole('button', { name: 'Articles' }).click()
    await page
      .locator('#outline-drawer')
      .getByRole('button', { name: /Art\. 2\s/ })
      .click()
    await expect.poll(() => onTop(page, ART2_HEADING)).toBe(true)
    await shoot(page, 'text-art2-dark-390')
    await page.getByRole('button', { name: 'Proposals & notes' }).click()
    await page.getByTestId('article-proposals').waitFor()
    await shoot(page, 'proposals-dark-390')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.getByRole('link', { name: 'History' }).click()
    await page.locator('.diff-counts').first().waitFor()
    await shoot(page, 'history-dark-390')
  })
})
