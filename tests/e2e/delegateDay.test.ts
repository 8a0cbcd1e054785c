import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInThroughPage, startE2E, waitForText, type E2EEnvironment } from '../support/browser'
import { DEMO_PASSWORD } from '../support/startServer'

// Issue 10's must-show, end to end on a phone: a delegate signs in, opens Art. 2, selects
// words by keyboard only, proposes an amendment on them and finds it again through search.
describe("a delegate's day on a phone", () => {
  let env: E2EEnvironment
  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('germany proposes on words chosen by keyboard at 390x844 and finds the proposal by search', async () => {
    const { page, errors } = await env.openSignedOut('/')
    await page.setViewportSize({ width: 390, height: 844 })
    await signInThroughPage(page, 'germany', DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Convention on Cluster Munitions' }).click()
    await waitForText(page)

    // Art. 2 from the articles drawer; the jump leaves the focus in the text.
    await page.getByRole('button', { name: 'Articles' }).click()
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('#treaty-text'))))
      .toBe(true)

    // Keyboard only from here: a line down, to its start, three words selected.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight')
    const words = await page.evaluate(() => window.getSelection()?.toString().trim() ?? '')
    expect(words.split(/\s+/).length).toBeGreaterThanOrEqual(2)

    await page.keyboard.press('Control+Alt+a')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await dialog.getByLabel('Title').fill('')
    await dialog.getByLabel('Title').focus()
    await page.keyboard.type('Quokka amendment on definitions')
    // The wording field starts from the words chosen.
    expect(await dialog.getByLabel(/wording/i).inputValue()).toContain(words.split(/\s+/)[0])
    await dialog.getByRole('button', { name: 'Create draft' }).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })

    // Search finds the draft by a word of its title, for its own delegation.
    await page.keyboard.press('Control+k')
    const search = page.getByRole('dialog')
    await search.waitFor()
    await page.keyboard.type('quokka')
    const hit = search.locator('[role="option"][data-kind="proposals"]', {
      hasText: 'Quokka amendment on definitions',
    })
    await hit.waitFor()
    expect(await hit.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await search.waitFor({ state: 'hidden' })
    const draft = page.getByTestId('draft-panel')
    await expect
      .poll(() => draft.locator('.card-title').textContent())
      .toBe('Quokka amendment on definitions')
    expect(await draft.isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
