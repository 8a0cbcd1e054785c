import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { startE2E, waitForText, type BrowserUser, type E2EEnvironment } from '../support/browser'

// The report's 12 stockpilers that argued for exempting "reliable and accurate" cluster
// munitions: it names no ground per state, so they stand on "exemptions", not "self-destruct".
const STOCKPILERS = [
  'CAN',
  'CHE',
  'CZE',
  'DEU',
  'DNK',
  'FIN',
  'FRA',
  'GBR',
  'ITA',
  'JPN',
  'NLD',
  'SVK',
]

const entries = (page: Page) => page.getByTestId('stance-entry')
const actorsOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-actor') ?? '').sort())

describe('who stands where on an issue', () => {
  let env: E2EEnvironment
  let observer: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    observer = await env.open('/n/ccm', 'observer')
    await waitForText(observer.page)
  })
  afterAll(() => env?.close())

  it('answers "who backed the self-destruct exemption in Vienna" in two clicks from the text', async () => {
    const { page } = observer
    const nav = page.getByRole('navigation', { name: 'Views of this negotiation' })
    // Click 1: the Issues view.
    await nav.getByRole('link', { name: 'Issues' }).click()
    const tree = page.getByRole('tree', { name: 'Issues' })
    // Click 2: the issue in the tree.
    await tree.getByRole('treeitem', { name: /self-destruct/i }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('issue')).toBe('self-destruct')

    // The default round is the latest with entries on the issue or above it: Vienna.
    const vienna = page.locator('section.round-entries[data-round="vienna-2007"]')
    await vienna.waitFor()
    expect(await page.locator('section.round-entries').count()).toBe(1)
    // Nobody named a self-destruct ground: every entry is said of "Exemptions" in general.
    expect(await vienna.getByTestId('said-of-issue').count()).toBe(0)
    const parent = vienna.getByTestId('said-of-parent')
    expect(await parent.locator('h5').first().textContent()).toMatch(
      /^Said of Exemptions .* in general \(the source names no specific ground\)$/,
    )
    const supporters = await actorsOf(
      page,
      '.said-of-parent .stance-group-supports [data-testid="stance-entry"]',
    )
    for (const code of STOCKPILERS) expect(supporters).toContain(code)
    // Shown by name, each from the report with its source.
    const france = parent.locator(
      '.stance-group-supports [data-testid="stance-entry"][data-actor="FRA"]',
    )
    expect(await france.locator('.stance-entry-actor').first().textContent()).toBe('France')
    expect(await france.locator('.prov-reported').first().textContent()).toMatch(/^Reported/)
    expect(await france.locator('.stance-entry-source').first().textContent()).toMatch(
      /CMC report/i,
    )
    // The coalition and the ICRC spoke of the exemptions too, and not in favour.
    const saidOfParent = await actorsOf(page, '.said-of-parent [data-testid="stance-entry"]')
    expect(saidOfParent).toEqual(expect.arrayContaining(['cmc', 'icrc']))
    expect(supporters).not.toContain('cmc')
    // Whatever is made up shows it.
    const synthetic = await entries(page).evaluateAll(
      (els) => els.filter((e) => e.querySelector('[data-provenance="synthetic"]')).length,
    )
    const badges = await entries(page).locator('.prov-synthetic').count()
    expect(badges).toBe(synthetic)
  })

  it('keeps the issue in the address and moves through the tree by keyboard', async () => {
    const { page } = observer
    const selected = page.getByRole('treeitem', { selected: true })
    expect(await selected.getAttribute('data-issue-id')).toBe('self-destruct')
    await selected.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('issue')).toBe('electronic-fuzes')
    await page.goBack()
    await expect
      .poll(() => page.getByRole('treeitem', { selected: true }).getAttribute('data-issue-id'))
      .toBe('self-destruct')
  })

  it('has no serious accessibility violations on the issues page', async () => {
    expect(await seriousViolations(observer.page)).toEqual([])
  })

  it('links from an article of the text to its issues', async () => {
    const page = (await env.open('/n/ccm', 'france')).page
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    const links = page.getByRole('navigation', { name: 'Issues on this article' })
    await links.getByRole('link', { name: /self-destruct/i }).click()
    await page.getByRole('tree', { name: 'Issues' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/n/ccm/issues')
    expect(await page.getByRole('treeitem', { selected: true }).getAttribute('data-issue-id')).toBe(
      'self-destruct',
    )
  })
})
