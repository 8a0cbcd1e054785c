import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  selectWords,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

const WORDING = [
  'each weighing less than 10 kilograms',
  'and each fitted with an electronic self-destruction mechanism',
]

// Germany types the new wording in the propose dialog, drafts from it and tables it; the panel
// then shows the tabled proposal on Art. 2, highlighted and confirmed.
describe('proposing with the wording typed in the dialog, then tabling', () => {
  let env: E2EEnvironment
  let germany: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    germany = await env.open('/n/ccm', 'germany')
    await waitForText(germany.page)
  })
  afterAll(() => env?.close())

  it('starts the draft from the wording typed in the dialog', async () => {
    const { page } = germany
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    await selectWords(page, 1, 'each weighing less than 20 kilograms')
    await page.getByRole('button', { name: /Propose amendment/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Kind').selectOption('replacement')
    const wording = dialog.getByLabel('New wording')
    // Prefilled with the selected words, for the delegate to rewrite.
    expect(await wording.inputValue()).toBe('each weighing less than 20 kilograms')
    await wording.fill(WORDING.join('\n'))
    await dialog.getByLabel('Title').fill('Lighter, self-destructing submunitions')
    await dialog.getByRole('button', { name: 'Create draft' }).click()
    const draft = page.getByTestId('draft-panel').locator('.ProseMirror')
    await expect
      .poll(() => draft.locator('p').evaluateAll((ps) => ps.map((p) => p.textContent)))
      .toEqual(WORDING)
    await page.screenshot({ path: '/tmp/plenary-propose-flow-draft.png' })
  })

  it('opens the tabled proposal highlighted, with a confirmation, on Art. 2', async () => {
    const { page } = germany
    // Reading on elsewhere before tabling: the panel follows the cursor to Art. 5.
    await page.getByRole('button', { name: /^Art\. 5\s/ }).click()
    const heading = page.locator('#article-proposals-heading')
    await expect.poll(() => heading.textContent()).toMatch(/^Art\. 5 proposals/)
    await page.getByTestId('draft-panel').getByRole('button', { name: 'Table…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Table', exact: true }).click()
    await page.getByTestId('draft-panel').waitFor({ state: 'detached' })

    const panel = page.getByTestId('article-proposals')
    await expect
      .poll(() =>
        panel.locator('.proposal-card-highlighted').getByTestId('tabled-notice').textContent(),
      )
      .toMatch(/^Tabled as proposal \d+ on Art\. 2 — now visible to all delegations$/)
    expect(await heading.textContent()).toMatch(/^Art\. 2 proposals/)
    const card = panel.locator('.proposal-card-highlighted')
    await card.waitFor()
    expect(await card.locator('.card-title').textContent()).toBe(
      'Lighter, self-destructing submunitions',
    )
    expect(await textOf(card.locator('.card-wording'))).toBe(WORDING.join('\n'))
    // The card has the focus and is in view.
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true)
    const inView = await page.getByTestId('tabled-notice').evaluate((el) => {
      const r = el.getBoundingClientRect()
      return r.top >= 0 && r.bottom <= window.innerHeight
    })
    expect(inView).toBe(true)
    await page.screenshot({ path: '/tmp/plenary-propose-flow-tabled.png' })
    // Once the cursor moves, the panel follows it again.
    await page.getByRole('button', { name: /^Art\. 3\s/ }).click()
    await expect.poll(() => heading.textContent()).toMatch(/^Art\. 3 proposals/)
    expect(await page.locator('.proposal-card-highlighted').count()).toBe(0)
    expect(germany.errors).toEqual([])
  })

  it('says in the Rounds box which round is open, and what "?" after dates means', async () => {
    const { page } = germany
    expect(await page.getByTestId('round-open').textContent()).toBe('Open: Dublin, 19–30 May 2008')
    expect(await page.getByTestId('round-legend').textContent()).toBe(
      '? date not confirmed by a source',
    )
    // Lima's dates are background knowledge; Dublin's are sourced.
    const lima = page.getByTestId('rounds').locator('li', { hasText: 'Lima' })
    expect(await lima.locator('.round-unverified').getAttribute('title')).toMatch(
      /^Dates not confirmed by a cited source/,
    )
    const dublin = page.getByTestId('rounds').locator('li', { hasText: 'Dublin' })
    expect(await dublin.locator('.round-unverified').count()).toBe(0)
  })
})
