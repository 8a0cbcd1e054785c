import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// From the text, Art. 2 in the outline, then "History" in the top bar: the article being read.
async function openHistoryOfArticle2(page: Page) {
  await waitForText(page)
  await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
  await page
    .getByRole('navigation', { name: 'Views of this negotiation' })
    .getByRole('link', { name: 'History' })
    .click()
  await page.waitForURL(/\/n\/ccm\/articles\/[^/]+\/history$/)
  await page.getByTestId('timeline').waitFor()
}

const versions = (page: Page) => page.getByTestId('timeline').locator('li.version')

describe('an article’s history, rounds and exports', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('shows Art. 2 across at least three rounds, with diffs, proposals and positions', async () => {
    const { page, errors } = await env.open('/n/ccm', 'observer')
    await openHistoryOfArticle2(page)
    expect(await page.locator('#history-heading').textContent()).toMatch(/^Article 2 · /)

    // At least three frozen texts, then the current text.
    const frozen = page.getByTestId('timeline').locator('li.version:not(.version-current)')
    expect(await frozen.count()).toBeGreaterThanOrEqual(3)
    expect(await versions(page).last().locator('.version-name').textContent()).toBe('Current text')
    expect(await page.getByTestId('numbering').textContent()).toMatch(/^Article \d+ in /)

    // The changes between texts: insertions and deletions, marked (and not by colour alone).
    const timeline = page.getByTestId('timeline')
    await expect.poll(() => timeline.locator('[data-testid="diff"] ins').count()).toBeGreaterThan(0)
    await expect.poll(() => timeline.locator('[data-testid="diff"] del').count()).toBeGreaterThan(0)
    const marks = await timeline
      .locator('[data-testid="diff"] del')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine)
    expect(marks).toContain('line-through')

    await page.screenshot({ path: '/tmp/plenary-history-art2.png' })
    await versions(page).nth(1).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/plenary-history-timeline.png' })

    // The comparison of any two: from the first text to the current one.
    const compare = page.locator('.diff-compare')
    const firstKey = await versions(page).first().getAttribute('data-version')
    await compare.getByLabel('From', { exact: true }).selectOption(firstKey ?? '')
    await compare.getByLabel('To', { exact: true }).selectOption('current')
    await expect.poll(() => compare.locator('ins, del').count()).toBeGreaterThan(0)

    // Proposals with their positions, as cards and round by round.
    const cards = page.getByTestId('history-proposals').locator('.proposal-card')
    expect(await cards.count()).toBeGreaterThan(0)
    expect(await cards.locator('button').count()).toBe(0)
    expect(await page.locator('.activity-position').count()).toBeGreaterThan(0)
    expect(await page.locator('.activity-change').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('events').locator('tbody tr').count()).toBeGreaterThan(0)
    await page.getByTestId('events').scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/plenary-history-events.png' })

    // Filtered by an actor: only proposals it sponsors or spoke on, only its positions.
    const all = await cards.count()
    await page.getByLabel('Actor').selectOption('DEU')
    await expect.poll(() => cards.count()).toBeLessThan(all)
    const speakers = await page.locator('.activity-position strong').allTextContents()
    expect(new Set(speakers).size).toBeLessThanOrEqual(1)
    expect(errors).toEqual([])
  })

  it('lets the chair close a round after a change, which the history then marks', async () => {
    const { page, errors } = await env.open('/n/ccm', 'chair')
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    // The outline puts the cursor at the end of the title; Enter starts the article's body.
    await page.keyboard.press('Enter')
    await page.keyboard.type('Each State Party shall report on pigeons.')
    await expect
      .poll(() => page.locator('.ProseMirror section.article').nth(1).textContent())
      .toContain('pigeons')

    await page.getByRole('link', { name: 'Rounds' }).click()
    const controls = page.getByTestId('round-controls')
    await controls.waitFor()
    // A round must be open to be closed: open one if the demo has none open.
    if ((await controls.getByRole('button', { name: /^Close / }).count()) === 0) {
      await controls.getByLabel('Name', { exact: true }).fill('Brussels Conference')
      await controls.getByLabel('Place').fill('Brussels, Belgium')
      await controls.getByLabel('Starts').fill('2008-04-01')
      await controls.getByLabel('Ends').fill('2008-04-02')
      await controls.getByRole('button', { name: 'Open the round' }).click()
    }
    const close = controls.getByRole('button', { name: /^Close / })
    await close.waitFor()
    await controls.getByLabel('Name of the frozen text').fill('Pigeon Discussion Text')
    await close.click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.textContent()).toContain('freezes the text as the “Pigeon Discussion Text”')
    await page.screenshot({ path: '/tmp/plenary-rounds-close.png' })
    await dialog.getByRole('button', { name: 'Close the round' }).click()
    const link = page.getByRole('link', { name: 'Pigeon Discussion Text' })
    await link.waitFor()
    await page.screenshot({ path: '/tmp/plenary-rounds.png' })

    // Everyone can read it as it was, in the editor's typography.
    await link.click()
    await page.getByTestId('frozen-text').locator('section.article').first().waitFor()
    expect(await page.getByTestId('frozen-text').textContent()).toContain('pigeons')
    await page.screenshot({ path: '/tmp/plenary-round-text.png' })

    // Art. 2's history: the new text, with the sentence marked as inserted since the one before.
    await page.goBack()
    await page.getByRole('link', { name: 'Text', exact: true }).click()
    await openHistoryOfArticle2(page)
    const entry = versions(page).filter({
      has: page.locator('.version-name', { hasText: 'Pigeon Discussion Text' }),
    })
    await expect
      .poll(() => entry.locator('ins').allTextContents())
      .toContainEqual(expect.stringContaining('pigeons'))
    await entry.locator('ins', { hasText: 'pigeons' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/plenary-history-new-round.png' })
    expect(errors).toEqual([])
  })

  it('shows an observer the rounds and their texts, without opening or closing', async () => {
    const { page, errors } = await env.open('/n/ccm/rounds', 'observer')
    await page.getByTestId('rounds-table').waitFor()
    expect(await page.getByTestId('round-controls').count()).toBe(0)
    expect(await page.getByRole('button', { name: /Close|Open the round/ }).count()).toBe(0)
    expect(await page.getByTestId('rounds-table').locator('a').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })

  it('offers the text as DOCX from the Export menu, which downloads a Word file', async () => {
    const { page, errors } = await env.open('/n/ccm', 'observer')
    await waitForText(page)
    await page.getByText('Export', { exact: true }).click()
    const menu = page.getByTestId('export-menu')
    await menu.waitFor()
    // Only an administrator exports the whole negotiation (drafts and every group's notes).
    expect(await menu.getByText(/JSON/).count()).toBe(0)
    await page.screenshot({ path: '/tmp/plenary-export-menu.png' })
    const docx = menu.getByRole('link', { name: 'Word (DOCX)' }).first()
    expect(await docx.getAttribute('download')).toMatch(/\.docx$/)
    const href = await docx.getAttribute('href')
    const response = await page.request.get(new URL(href ?? '', env.url).href)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain(DOCX)
    // A DOCX is a zip: "PK".
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK')

    // Escape closes the menu and gives the focus back to it.
    await page.keyboard.press('Escape')
    await expect.poll(() => menu.isVisible()).toBe(false)
    expect(errors).toEqual([])
  })
})
