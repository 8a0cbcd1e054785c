import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { describeViolations, seriousViolations } from '../support/axe'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search' })
const options = (page: Page) =>
  dialog(page).getByRole('listbox', { name: 'Found' }).getByRole('option')

// Types a query and arrows down to the first hit that `wanted` picks (by its kind and text).
async function arrowTo(page: Page, query: string, wanted: (kind: string, text: string) => boolean) {
  await dialog(page).getByRole('combobox', { name: 'Search for' }).fill(query)
  // Until the answer to this query has come (an earlier one may still be shown).
  const hits = () =>
    options(page).evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-kind') ?? '', el.textContent ?? '']),
    )
  await expect
    .poll(async () => (await hits()).findIndex(([kind, text]) => wanted(kind ?? '', text ?? '')))
    .toBeGreaterThanOrEqual(0)
  const found = await hits()
  const index = found.findIndex(([kind, text]) => wanted(kind ?? '', text ?? ''))
  // Down past it and back up, so the arrows are what chooses it.
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  if (index === found.length - 1) await page.keyboard.press('ArrowDown')
  await expect.poll(() => options(page).nth(index).getAttribute('aria-selected')).toBe('true')
  return index
}

describe('searching from the keyboard and jumping to what was found', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('finds words of Art. 2 with Ctrl+K and shows them selected in the text', async () => {
    const { page, errors } = await env.open('/n/ccm', 'germany')
    await waitForText(page)
    await page.keyboard.press('Control+k')
    await dialog(page).waitFor()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox')
    await arrowTo(page, 'kilograms', (kind, text) => kind === 'text' && /kilograms/i.test(text))
    // The open dialog with its hits passes axe-core in both colour schemes.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      expect(describeViolations(await seriousViolations(page)), colorScheme).toEqual([])
    }
    await page.keyboard.press('Enter')
    await dialog(page).waitFor({ state: 'hidden' })
    const selected = () =>
      page.evaluate(() => {
        const s = window.getSelection()
        const article = s?.anchorNode?.parentElement?.closest('section.article')
        const all = [...document.querySelectorAll('.ProseMirror section.article')]
        return { words: s?.toString() ?? '', article: article ? all.indexOf(article) + 1 : 0 }
      })
    await expect.poll(selected).toEqual({ words: 'kilograms', article: 2 })
    const box = await page.evaluate(() => {
      const r = window.getSelection()?.getRangeAt(0).getBoundingClientRect()
      return r ? { top: r.top, bottom: r.bottom } : null
    })
    const height = page.viewportSize()?.height ?? 0
    expect(box && box.top >= 0 && box.bottom <= height).toBe(true)
    expect(errors).toEqual([])
  })

  it('finds a tabled proposal by a word of its title and opens its card', async () => {
    const { page, errors } = await env.open('/n/ccm/actors', 'germany')
    // The top bar's button opens it too; Escape closes it and gives the focus back.
    const button = page.getByRole('button', { name: /^Search/ })
    await button.focus()
    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    await page.keyboard.type('cluster')
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'hidden' })
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Search/)
    await button.click()
    await arrowTo(
      page,
      'sensor',
      (kind, text) => kind === 'proposals' && /sensor-fuzed/i.test(text),
    )
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/n\/ccm$/)
    const card = page.locator('.proposal-card[data-proposal-id="p-fin-sensor-fuzed"]')
    await card.waitFor()
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.getAttribute('data-proposal-id') ?? ''),
      )
      .toBe('p-fin-sensor-fuzed')
    expect(await card.isVisible()).toBe(true)
    // Ctrl+F in the text searches the current text only.
    await page.locator('.ProseMirror').first().click()
    await page.keyboard.press('Control+f')
    await dialog(page).waitFor()
    const checked = await dialog(page)
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)
    expect(checked).toBe(1)
    expect(await dialog(page).getByRole('checkbox', { name: 'Text' }).isChecked()).toBe(true)
    expect(errors).toEqual([])
  })

  it("finds the delegation's own draft and opens it in the draft editor", async () => {
    const germany = await env.server.loginAs('germany')
    const created = await call(env.url, germany, 'POST', '/api/negotiations/ccm/proposals', {
      params: { kind: 'replacement' },
      title: 'Marmoset clause on stockpiles',
      articleId: 'art-3',
    })
    expect(created.status).toBe(201)
    const { page, errors } = await env.open('/n/ccm', 'germany')
    await waitForText(page)
    await page.keyboard.press('Control+k')
    await arrowTo(page, 'marmoset', (kind, text) => kind === 'proposals' && /Marmoset/.test(text))
    await page.keyboard.press('Enter')
    const panel = page.getByTestId('draft-panel')
    await panel.waitFor()
    expect(await panel.locator('.card-title').textContent()).toBe('Marmoset clause on stockpiles')
    expect(errors).toEqual([])
  })

  it('on a phone, opens from the menu, closes it, and jumps to the words', async () => {
    const { page, errors } = await env.open('/n/ccm', 'germany')
    await page.setViewportSize({ width: 390, height: 844 })
    await waitForText(page)
    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.click()
    await page.getByRole('button', { name: /^Search/ }).click()
    await dialog(page).waitFor()
    await page.keyboard.type('kilograms')
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'hidden' })
    // The menu folded away with the button in it: the focus goes back to the menu's button.
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Menu')
    await page.keyboard.press('Control+k')
    await arrowTo(page, 'kilograms', (kind, text) => kind === 'text' && /kilograms/i.test(text))
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => window.getSelection()?.toString()))
      .toBe('kilograms')
    expect(errors).toEqual([])
  })
})
