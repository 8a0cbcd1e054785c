import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  selectWords,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// The chair cleans Article 1 of the demo Convention as a conference would: brackets words, adds
// an alternative, wraps a paragraph in options, cleans one bracket; the administrator, in another
// browser, sees each step as it happens, and the export prints the result.
describe('brackets and options in the text', () => {
  let env: E2EEnvironment
  let chair: BrowserUser
  let admin: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    chair = await env.open('/n/ccm', 'chair')
    admin = await env.open('/n/ccm', 'admin')
    await Promise.all([waitForText(chair.page), waitForText(admin.page)])
  })
  afterAll(() => env?.close())

  const article1 = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(0)
  // Paragraph 3, "This Convention does not apply to mines.", however it is bracketed.
  const mines = (u: BrowserUser) =>
    article1(u).locator('p.clause', { hasText: /This Convention .*mines/ })

  it('shows words bracketed, and an alternative typed, in the other browser', async () => {
    // The outline puts the caret in Article 1: the text has the focus that reads a selection.
    await chair.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await selectWords(chair.page, 0, 'does not apply')
    await chair.page.keyboard.press('Control+[')
    await expect.poll(() => textOf(mines(admin))).toBe('This Convention [does not apply] to mines.')

    // The new alternative is a copy of the words, selected: the chair types over it.
    await chair.page.keyboard.press('Control+]')
    await expect
      .poll(() => textOf(mines(admin)))
      .toBe('This Convention [does not apply][does not apply] to mines.')
    await chair.page.keyboard.type('shall not apply')
    await expect
      .poll(() => textOf(mines(admin)))
      .toBe('This Convention [does not apply][shall not apply] to mines.')

    await selectWords(chair.page, 0, 'mines')
    await chair.page.keyboard.press('Control+[')
    await expect
      .poll(() => textOf(mines(admin)))
      .toBe('This Convention [does not apply][shall not apply] to [mines].')
    // Nested brackets are shaded deeper; the outer ones are depth 1.
    expect(await mines(admin).locator('.text-bracket').count()).toBe(5)
  })

  it('wraps a paragraph in two options from the toolbar, labelled in both browsers', async () => {
    await selectWords(chair.page, 0, 'mutatis mutandis')
    await chair.page.locator('[data-action="wrap-options"]').click()
    const options = article1(admin).locator('.options .option')
    await expect.poll(() => options.count()).toBe(2)
    expect(
      await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-shown-label'))),
    ).toEqual(['Option 1:', 'Option 2:'])
    for (const i of [0, 1]) {
      expect(await textOf(options.nth(i))).toContain('applies, mutatis mutandis, to explosive')
    }
    // Both options are paragraph 2; the paragraph after the block is still 3.
    expect(await options.nth(1).locator('p.clause').getAttribute('data-shown-label')).toBe('2.')
    expect(await mines(admin).getAttribute('data-shown-label')).toBe('3.')
    // The chair's caret is in Option 2, ready for its wording.
    await chair.page.keyboard.type('Alternatively, ')
    await expect.poll(() => textOf(options.nth(1))).toMatch(/^Alternatively, Paragraph 1/)
  })

  it('cleans the bracket, keeping the alternative at the cursor', async () => {
    await selectWords(chair.page, 0, 'shall not apply')
    await chair.page.keyboard.press('Control+Shift+[')
    await expect
      .poll(() => textOf(mines(admin)))
      .toBe('This Convention shall not apply to [mines].')
    expect(chair.errors).toEqual([])
    expect(admin.errors).toEqual([])
  })

  it('prints the result in the export as a conference document', async () => {
    const answer = await chair.context.request.get(
      `${env.url}/api/negotiations/ccm/export/text.html`,
    )
    expect(answer.status()).toBe(200)
    const html = await answer.text()
    const section = /<section class="article[^"]*" id="art_1"[\s\S]*?<\/section>/.exec(html)
    const printed = (section?.[0] ?? '').replace(/<[^>]+>/g, '')
    expect(printed).toContain('This Convention shall not apply to [mines].')
    expect(printed).not.toContain('does not apply')
    expect(printed).toMatch(
      /Option 1:[\s\S]*2\.\s*Paragraph 1 of this Article[\s\S]*Option 2:[\s\S]*2\.\s*Alternatively, Paragraph 1/,
    )
  })

  it('shows the same labels and brackets in the round’s text once it is frozen', async () => {
    const closed = await chair.context.request.post(
      `${env.url}/api/negotiations/ccm/rounds/dublin-2008/close`,
      { headers: { origin: env.url }, data: {} },
    )
    expect(closed.status()).toBe(200)
    const page = admin.page
    await page.goto(`${env.url}/n/ccm/rounds/dublin-2008/text`)
    const frozen = page.getByTestId('frozen-text').locator('section.article').first()
    await frozen.waitFor()
    const shown = (selector: string) =>
      frozen
        .locator(selector)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-shown-label')))
    expect(await shown('h2.article-title')).toEqual(['Article 1'])
    expect(await shown('.option')).toEqual(['Option 1:', 'Option 2:'])
    expect(await shown('p.clause-numbered')).toEqual(['1.', '2.', '2.', '3.'])
    expect(await textOf(frozen.locator('p.clause', { hasText: /This Convention/ }))).toBe(
      'This Convention shall not apply to mines.',
    )
    expect(await frozen.locator('.bracket').textContent()).toBe('mines')
    expect(admin.errors).toEqual([])
  })

  it('says in Article 1’s history that the chair bracketed, cleaned and added options', async () => {
    // Closing the round summarised the chair's pending edits.
    const page = admin.page
    await page.goto(`${env.url}/n/ccm/articles/art-1/history`)
    const events = page.locator('td', { hasText: /bracketed \d/ })
    await expect.poll(() => events.count()).toBeGreaterThan(0)
    const said = (await page.locator('td').allTextContents()).join(' | ')
    expect(said).toMatch(/cleaned 1 bracket/)
    expect(said).toMatch(/added 1 option block/)
  })
})
