import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  outlineEntries,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// Two people (two isolated browser contexts) on the same article of the demo Convention.
describe('two delegates editing the same article', () => {
  let env: E2EEnvironment
  let ana: BrowserUser
  let bo: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    ana = await env.open('Ana', '/n/ccm')
    bo = await env.open('Bo', '/n/ccm')
    await Promise.all([waitForText(ana.page), waitForText(bo.page)])
  })
  afterAll(() => env?.close())

  it('shows what one types to the other, in the text and in the outline', async () => {
    const article3 = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(2)
    for (const u of [ana, bo]) {
      await u.page
        .getByRole('button', { name: /Art\. 3\s*Storage and stockpile destruction/ })
        .click()
    }
    // The outline click put Ana's cursor at the end of the title of Article 3.
    await ana.page.keyboard.type(' and clearance')
    await expect
      .poll(() => textOf(article3(bo).locator('h2.article-title')))
      .toBe('Storage and stockpile destruction and clearance')
    await expect
      .poll(() => outlineEntries(bo.page).then((e) => e[2]))
      .toBe('Art. 3|Storage and stockpile destruction and clearance')

    // Into the body of the article: Enter in a title starts a new numbered paragraph.
    await ana.page.keyboard.press('Enter')
    await ana.page.keyboard.type('Each State Party shall report annually.')
    await expect
      .poll(() => textOf(article3(bo).locator('p.clause').first()))
      .toBe('Each State Party shall report annually.')
    await expect
      .poll(() => article3(bo).locator('p.clause-numbered').count())
      .toBe(await article3(ana).locator('p.clause-numbered').count())
  })

  it('shows who is here and which article each is in', async () => {
    const people = bo.page.getByTestId('presence')
    await expect.poll(() => people.textContent()).toContain('Ana')
    await expect
      .poll(() => people.locator('li', { hasText: 'Ana' }).textContent())
      .toContain('Art. 3')
    // Ana's caret in Bo's text is labelled with her name.
    await expect
      .poll(() => bo.page.locator('.remote-caret-label').allTextContents())
      .toContain('Ana')
    expect(ana.errors).toEqual([])
    expect(bo.errors).toEqual([])
  })

  it('undoes only the undoer’s own edits', async () => {
    const article1 = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(0)
    await ana.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await ana.page.keyboard.type(' [Ana]')
    await expect.poll(() => textOf(article1(bo).locator('h2'))).toContain('[Ana]')
    await bo.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await bo.page.keyboard.type(' [Bo]')
    await expect.poll(() => textOf(article1(ana).locator('h2'))).toContain('[Bo]')

    await ana.page.keyboard.press('Control+z')
    await expect.poll(() => textOf(article1(bo).locator('h2'))).not.toContain('[Ana]')
    expect(await textOf(article1(bo).locator('h2'))).toContain('[Bo]')
  })
})
