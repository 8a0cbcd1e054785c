import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  outlineEntries,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// Two people who may edit (the chair and the administrator, in two isolated browser contexts)
// on the same article of the demo Convention.
describe('two editors on the same article', () => {
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

  it('shows what one types to the other, in the text and in the outline', async () => {
    const article3 = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(2)
    for (const u of [chair, admin]) {
      await u.page
        .getByRole('button', { name: /Art\. 3\s*Storage and stockpile destruction/ })
        .click()
    }
    // The outline click put the chair's cursor at the end of the title of Article 3.
    await chair.page.keyboard.type(' and clearance')
    await expect
      .poll(() => textOf(article3(admin).locator('h2.article-title')))
      .toBe('Storage and stockpile destruction and clearance')
    await expect
      .poll(() => outlineEntries(admin.page).then((e) => e[2]))
      .toBe('Art. 3|Storage and stockpile destruction and clearance')

    // Into the body of the article: Enter in a title starts a new numbered paragraph.
    await chair.page.keyboard.press('Enter')
    await chair.page.keyboard.type('Each State Party shall report annually.')
    await expect
      .poll(() => textOf(article3(admin).locator('p.clause').first()))
      .toBe('Each State Party shall report annually.')
    await expect
      .poll(() => article3(admin).locator('p.clause-numbered').count())
      .toBe(await article3(chair).locator('p.clause-numbered').count())
  })

  it('shows who is here and which article each is in', async () => {
    const people = admin.page.getByTestId('presence')
    await expect.poll(() => people.textContent()).toContain('Chair (Norway)')
    await expect
      .poll(() => people.locator('li', { hasText: 'Chair (Norway)' }).textContent())
      .toContain('Art. 3')
    // The account the server vouches for, beside the name the chair chose.
    expect(await people.locator('li', { hasText: 'Chair (Norway)' }).textContent()).toContain(
      '@chair',
    )
    // The chair's caret in the administrator's text is labelled with the chair's name.
    await expect
      .poll(() => admin.page.locator('.remote-caret-label').allTextContents())
      .toContain('Chair (Norway)')
    expect(chair.errors).toEqual([])
    expect(admin.errors).toEqual([])
  })

  it("lists a reader with the article they read, but shows no reader's caret", async () => {
    const observer = await env.open('/n/ccm', 'observer')
    await waitForText(observer.page)
    await observer.page.getByRole('button', { name: /Art\. 5\s/ }).click()
    const observerRow = chair.page.getByTestId('presence').locator('li', { hasText: '@observer' })
    await expect.poll(() => observerRow.textContent()).toContain('Art. 5')
    expect(await observerRow.textContent()).toContain('Observer')
    expect(await chair.page.locator('.remote-caret-label').allTextContents()).not.toContain(
      'Observer',
    )
    expect(observer.errors).toEqual([])
  })

  it('undoes only the undoer’s own edits', async () => {
    const article1 = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(0)
    await chair.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await chair.page.keyboard.type(' [Chair]')
    await expect.poll(() => textOf(article1(admin).locator('h2'))).toContain('[Chair]')
    await admin.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await admin.page.keyboard.type(' [Admin]')
    await expect.poll(() => textOf(article1(chair).locator('h2'))).toContain('[Admin]')

    await chair.page.keyboard.press('Control+z')
    await expect.poll(() => textOf(article1(admin).locator('h2'))).not.toContain('[Chair]')
    expect(await textOf(article1(admin).locator('h2'))).toContain('[Admin]')
  })
})
