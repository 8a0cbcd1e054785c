import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, waitForText, type BrowserUser, type E2EEnvironment } from '../support/browser'

const card = (page: Page, title: string) =>
  page.locator('.proposal-card', { hasText: title }).first()

// Visibly "Synthetic": the word, in a dashed outline over stripes, not a colour alone.
async function expectSyntheticBadge(badge: Locator) {
  expect(await badge.isVisible()).toBe(true)
  expect(await badge.textContent()).toMatch(/Synthetic$/)
  const look = await badge.evaluate((el) => {
    const style = getComputedStyle(el)
    return { border: style.borderTopStyle, background: style.backgroundImage }
  })
  expect(look.border).toBe('dashed')
  expect(look.background).toMatch(/repeating-linear-gradient/)
}

// Truth on screen: what the demo made up says so wherever it is shown.
describe('provenance badges', () => {
  let env: E2EEnvironment
  let france: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    france = await env.open('/n/ccm', 'france')
    await waitForText(france.page)
  })
  afterAll(() => env?.close())

  it('marks a synthetic proposal "Synthetic" on its card, and not the one the report records', async () => {
    const { page } = france
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    const made = card(page, 'Exemption: sensor-fuzed submunitions')
    await made.waitFor()
    await expectSyntheticBadge(made.locator('.card-status .prov-synthetic'))

    await page.getByRole('button', { name: /^Art\. 1\s/ }).click()
    const real = card(page, 'Three-step phase-out of cluster munitions')
    await real.waitFor()
    expect(await real.locator('.card-status .prov-synthetic').count()).toBe(0)
  })

  it("shows each position's provenance on the card, the reported ones with their source on focus", async () => {
    const { page } = france
    const real = card(page, 'Three-step phase-out of cluster munitions')
    await real.getByText(/^Positions \(/).click()
    const badges = real.locator('.position-list .prov')
    expect(await badges.count()).toBeGreaterThan(0)
    expect(await real.locator('.position-list .position').count()).toBe(await badges.count())
    const reported = real.locator('.position-list .prov-reported').first()
    await reported.focus()
    const tip = reported.locator('.prov-tip')
    expect(await tip.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(40)
    expect(await tip.textContent()).toMatch(/CMC report/)
  })

  it('keeps the badges in the history of the article', async () => {
    const { page } = france
    await page.goto(new URL('/n/ccm/articles/art-2/history', env.url).href)
    const made = page
      .getByTestId('history-proposals')
      .locator('.proposal-card', { hasText: 'Exemption: sensor-fuzed submunitions' })
    await made.waitFor()
    await expectSyntheticBadge(made.locator('.card-status .prov-synthetic'))
  })
})
