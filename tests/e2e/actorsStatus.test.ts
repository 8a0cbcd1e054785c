import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, type E2EEnvironment } from '../support/browser'

const row = (page: Page, iso: string) =>
  page.locator(`[data-testid="participants"] tr[data-actor-id="${iso}"]`)
const rows = (page: Page) => page.locator('[data-testid="participants"] tbody tr')

// Issue 12, items 5 and 6: the actors table shows each state's treaty status as the demo's
// partial UNTC list gives it (unknown for the states it does not hold), and a campaigner filters
// it by one of their group's target lists.
describe('treaty status and target lists in the actors table', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it("shows Afghanistan's signature and ratification, France as unknown (not unsigned), endorsements or their counts, and scrolls in its own box on a phone", async () => {
    const { page, errors } = await env.open('/n/ccm/actors', 'france')
    const treaty = (iso: string) => row(page, iso).getByTestId('treaty-status')
    await expect
      .poll(() => treaty('AFG').textContent(), { timeout: 10_000 })
      .toBe('Signed 2008-12-03 · Ratified 2011-09-08')
    expect(await treaty('FRA').textContent()).toBe('Unknown: not in the partial UNTC list')
    expect(await page.getByRole('columnheader', { name: 'Treaty status' }).count()).toBe(1)
    // A delegate has no target lists to filter by.
    expect(await page.getByLabel('Target list').count()).toBe(0)

    // Endorsements: a tick where a source lists the state, else what the sources give.
    const oslo = (iso: string) => row(page, iso).getByTestId('endorsed-oslo-declaration')
    expect(await oslo('AFG').textContent()).toBe('✓ date unknown')
    expect(await oslo('FRA').textContent()).toBe('not listed; count only: 46 at the meeting')
    expect(
      await row(page, 'FRA').getByTestId('endorsed-wellington-declaration').textContent(),
    ).toBe('count only: 82 / 72 at the meeting; 105 by 2008-05-06')
    await page.getByLabel('Not endorsed yet').selectOption('oslo-declaration')
    await row(page, 'AFG').waitFor({ state: 'detached' })
    expect(await row(page, 'FRA').count()).toBe(1)
    expect(await row(page, 'NOR').count()).toBe(0)

    // On a phone the wider table scrolls in its own box; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 })
    const box = page.locator('.table-scroll')
    await expect
      .poll(() => box.evaluate((el) => el.scrollWidth - el.clientWidth))
      .toBeGreaterThan(0)
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
  })

  it("narrows the table to the states of Ana's target list", async () => {
    const { page, context, errors } = await env.open('/n/ccm/actors', 'ana')
    const made = await context.request.post(
      new URL('/api/negotiations/ccm/groups/cmc/targets', env.url).href,
      {
        headers: { origin: env.url },
        data: { name: 'Affected states to brief', actorIds: ['AFG', 'LAO', 'LBN'] },
      },
    )
    expect(made.status()).toBe(201)
    await page.reload()
    await row(page, 'FRA').waitFor()
    const all = await rows(page).count()
    expect(all).toBeGreaterThan(3)

    const filter = page.getByLabel('Target list')
    await filter.selectOption({ label: 'Affected states to brief (3)' })
    await expect.poll(() => rows(page).count()).toBe(3)
    expect(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.actorId))).toEqual([
      'AFG',
      'LAO',
      'LBN',
    ])
    expect(await page.locator('#actors-heading .count').textContent()).toBe(`3 of ${all}`)

    await filter.selectOption({ label: 'All actors' })
    await expect.poll(() => rows(page).count()).toBe(all)
    expect(errors).toEqual([])
  })
})
