import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  outlineEntries,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// Everything structural can be reached without a mouse.
describe('keyboard-only use', () => {
  let env: E2EEnvironment
  let user: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    user = await env.open('/n/ccm', 'chair')
    await waitForText(user.page)
  })
  afterAll(() => env?.close())

  const focused = () =>
    user.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      return el?.getAttribute('data-action') ?? el?.getAttribute('aria-label') ?? el?.textContent
    })

  it('skips to the text, leaves it for the toolbar with Escape, and runs a command there', async () => {
    const { page } = user
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('Skip to the text')
    await page.keyboard.press('Enter')
    expect(await focused()).toBe('Treaty text')

    // The outline is a list of buttons: Enter on one puts the cursor in that article.
    await page.getByRole('button', { name: /Art\. 1\s/ }).focus()
    await page.keyboard.press('Enter')
    expect(await focused()).toBe('Treaty text')

    await page.keyboard.press('Escape')
    expect(await focused()).toBe('undo')
    for (let i = 0; i < 2; i += 1) await page.keyboard.press('ArrowRight')
    expect(await focused()).toBe('new-article')
    await page.keyboard.press('Enter')
    expect(await focused()).toBe('Treaty text')
    await page.keyboard.type('Definitions of terms')
    // The demo's numbers are frozen (its text was circulated): the new article reads 1 bis.
    await expect
      .poll(() => outlineEntries(page).then((e) => e.slice(0, 3)))
      .toEqual([
        'Art. 1|General obligations and scope of application',
        'Art. 1 bis|Definitions of terms',
        'Art. 2|Definitions',
      ])
    // The toolbar remembers its position as the one tab stop.
    await page.keyboard.press('Escape')
    expect(await focused()).toBe('new-article')
  })

  it('shows each shortcut on its button and names it for assistive technology', async () => {
    const button = user.page.locator('[data-action="move-up"]')
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+ArrowUp')
    expect(await button.locator('kbd').textContent()).toBe('Alt+Shift+↑')
  })
})
