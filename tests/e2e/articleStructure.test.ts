import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  clausesOf,
  outlineEntries,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

// Structure commands by the chair reach a delegate's text and outline, live. The demo's text has
// been circulated (its earlier rounds closed on it), so its numbers are frozen: an article added
// or moved reads "2 bis" after Article 2, and the articles after it keep their numbers.
describe('inserting, moving and deleting articles', () => {
  let env: E2EEnvironment
  let chair: BrowserUser
  let delegate: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    chair = await env.open('/n/ccm', 'chair')
    delegate = await env.open('/n/ccm', 'france')
    await Promise.all([waitForText(chair.page), waitForText(delegate.page)])
  })
  afterAll(() => env?.close())

  const countOf = (u: BrowserUser) => outlineEntries(u.page).then((e) => e.length)
  const entry = (u: BrowserUser, n: number) => outlineEntries(u.page).then((e) => e[n - 1])

  it('labels an inserted article 2 bis in the other’s outline, the others keeping their numbers', async () => {
    expect(await countOf(delegate)).toBe(23)
    expect(await entry(delegate, 3)).toBe('Art. 3|Storage and stockpile destruction')

    await chair.page.getByRole('button', { name: /Art\. 2\s*Definitions/ }).click()
    await chair.page.getByRole('button', { name: /^New article/ }).click()
    await chair.page.keyboard.type('Compliance reporting')

    await expect.poll(() => countOf(delegate)).toBe(24)
    await expect.poll(() => entry(delegate, 3)).toBe('Art. 2 bis|Compliance reporting')
    expect(await entry(delegate, 4)).toBe('Art. 3|Storage and stockpile destruction')
    expect(await entry(delegate, 24)).toBe('Art. 23|Authentic texts')
    // The new article has a fresh stable id of its own.
    const ids = await delegate.page
      .locator('.ProseMirror section.article')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-article-id')))
    expect(ids[2]).toMatch(/^art-[a-z0-9]{8}$/)
    expect(new Set(ids).size).toBe(24)
  })

  it('moves an article down with the keyboard, and back up', async () => {
    // The cursor is still in the new Article 2 bis; after Article 3 it reads 3 bis.
    await chair.page.keyboard.press('Alt+Shift+ArrowDown')
    await expect.poll(() => entry(delegate, 3)).toBe('Art. 3|Storage and stockpile destruction')
    expect(await entry(delegate, 4)).toBe('Art. 3 bis|Compliance reporting')
    await chair.page.keyboard.press('Alt+Shift+ArrowUp')
    await expect.poll(() => entry(delegate, 3)).toBe('Art. 2 bis|Compliance reporting')
  })

  it('makes a subparagraph and an item with Tab, numbered from document order', async () => {
    const article = (u: BrowserUser) => u.page.locator('.ProseMirror section.article').nth(2)
    await chair.page.keyboard.press('Enter')
    await chair.page.keyboard.type('Each State Party shall report on:')
    await chair.page.keyboard.press('Enter')
    await chair.page.keyboard.press('Tab')
    await chair.page.keyboard.type('its stockpiles;')
    await chair.page.keyboard.press('Enter')
    await chair.page.keyboard.press('Tab')
    await chair.page.keyboard.type('by type;')
    const classes = (u: BrowserUser) => clausesOf(article(u))
    await expect
      .poll(() => classes(delegate))
      .toEqual([
        'clause clause-numbered|Each State Party shall report on:',
        'clause clause-sub|its stockpiles;',
        'clause clause-item|by type;',
        // The empty numbered paragraph every new article starts with.
        'clause clause-numbered|',
      ])
    await chair.page.keyboard.press('Shift+Tab')
    await expect.poll(() => classes(delegate).then((c) => c[2])).toBe('clause clause-sub|by type;')
  })

  it('deletes an article only after confirmation', async () => {
    await chair.page.keyboard.press('Control+Shift+Backspace')
    const dialog = chair.page.getByRole('dialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Delete Article 2 bis?')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await countOf(delegate)).toBe(24)

    await chair.page.getByRole('button', { name: /^Delete article/ }).click()
    await chair.page.getByRole('dialog').getByRole('button', { name: 'Delete article' }).click()
    await expect.poll(() => countOf(delegate)).toBe(23)
    expect(await entry(delegate, 3)).toBe('Art. 3|Storage and stockpile destruction')
    expect(chair.errors).toEqual([])
    expect(delegate.errors).toEqual([])
  })

  it('gives a pasted copy of an article a fresh id; the original keeps its own', async () => {
    const ids = () =>
      delegate.page
        .locator('.ProseMirror section.article')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-article-id')))
    const before = await ids()
    const copied = await chair.page
      .locator('.ProseMirror section.article')
      .nth(2)
      .evaluate((el) => el.outerHTML)
    await chair.page.getByRole('button', { name: /Art\. 2\s*Definitions/ }).click()
    await chair.page.locator('.ProseMirror').evaluate((editor, html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, copied)

    // The copy is a new article after Article 2 (2 bis); the original keeps its number, 3.
    await expect.poll(() => countOf(delegate)).toBe(24)
    expect(await entry(delegate, 3)).toBe('Art. 2 bis|Storage and stockpile destruction')
    expect(await entry(delegate, 4)).toBe('Art. 3|Storage and stockpile destruction')
    const after = await ids()
    expect(new Set(after).size).toBe(24)
    expect(after[3]).toBe(before[2])
    expect(after[2]).not.toBe(before[2])
  })

  it('looks right at 1280x800 (screenshots in /tmp for review)', async () => {
    await chair.page.getByRole('button', { name: /Art\. 7\s/ }).click()
    await chair.page.screenshot({ path: '/tmp/plenary-e2e-article7.png' })
    await delegate.page.locator('main.document').evaluate((el) => el.scrollTo(0, 0))
    await delegate.page.screenshot({ path: '/tmp/plenary-e2e-top.png' })
  })
})
