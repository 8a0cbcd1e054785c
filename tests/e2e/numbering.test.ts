import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  outlineEntries,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// Numbers as negotiators use them: the demo's text was circulated, so an article added after
// Article 1 reads "1 bis"; the chair's renumbering makes it 2, and a proposal made on the old
// Article 2 (the sensor-fuzed exemption, now on Article 3) shows both numbers. A delegate sees it
// live.
describe('frozen numbers, the chair’s renumbering and its concordance', () => {
  let env: E2EEnvironment
  let chair: BrowserUser
  let delegate: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    chair = await env.open('/n/ccm', 'chair')
    delegate = await env.open('/n/ccm', 'germany')
    await Promise.all([waitForText(chair.page), waitForText(delegate.page)])
  })
  afterAll(() => env?.close())

  const entry = (u: BrowserUser, n: number) => outlineEntries(u.page).then((e) => e[n - 1])

  it('labels a new article 1 bis, renumbers it 2 on the chair’s command, and cites the old 2', async () => {
    await chair.page.getByRole('button', { name: /^Art\. 1\s/ }).click()
    await chair.page.getByRole('button', { name: /^New article/ }).click()
    await chair.page.keyboard.type('Victim assistance funds')
    await expect.poll(() => entry(delegate, 2)).toBe('Art. 1 bis|Victim assistance funds')
    expect(await entry(delegate, 3)).toBe('Art. 2|Definitions')
    // The outline says what cleaning has left per article only where something is left.
    expect(await delegate.page.getByTestId('cleaning-count').count()).toBe(0)

    await chair.page.getByRole('link', { name: 'Rounds' }).click()
    await chair.page.getByTestId('cleaning-table').waitFor()
    const rows = await chair.page
      .getByTestId('cleaning-table')
      .locator('tbody th')
      .allTextContents()
    expect(rows.at(-1)).toBe('Current text')
    await chair.page.getByRole('button', { name: 'Renumber the text…' }).click()
    const dialog = chair.page.getByRole('dialog')
    expect(await dialog.textContent()).toContain('“2 bis” becomes 3')
    await dialog.getByRole('button', { name: 'Renumber' }).click()
    const concordance = chair.page.getByTestId('concordance')
    await concordance.waitFor()
    expect(await concordance.textContent()).toContain('Art. 1 bis → 2, Art. 2 → 3')

    // Live in the delegate's outline: the new article is 2, the old 2 is 3.
    await expect.poll(() => entry(delegate, 2)).toBe('Art. 2|Victim assistance funds')
    expect(await entry(delegate, 3)).toBe('Art. 3|Definitions')

    // A proposal made on Article 2 before the renumbering shows both numbers.
    await delegate.page.getByRole('button', { name: /^Art\. 3\s/ }).click()
    const panel = delegate.page.getByTestId('article-proposals')
    await expect
      .poll(() => panel.locator('.panel-heading').first().textContent())
      .toMatch(/^Art\. 3 proposals/)
    const card = panel.locator('[data-proposal-id="p-fin-sensor-fuzed"]')
    await expect
      .poll(() => card.getByTestId('card-article').textContent())
      .toBe('On Art. 3 (formerly 2)')

    // Its history says both numbers too, and so does the proposal's card there.
    await panel.getByRole('link', { name: 'History of Article 3' }).click()
    await expect
      .poll(() => delegate.page.getByTestId('formerly').textContent())
      .toMatch(/^Formerly Article 2/)
    expect(await delegate.page.locator('#history-heading').textContent()).toBe(
      'Article 3 · Definitions',
    )
    const historyCard = delegate.page
      .getByTestId('history-proposals')
      .locator('[data-proposal-id="p-fin-sensor-fuzed"]')
    expect(await historyCard.getByTestId('card-article').textContent()).toBe(
      'On Art. 3 (formerly 2)',
    )
    expect(chair.errors).toEqual([])
    expect(delegate.errors).toEqual([])
  })
})
