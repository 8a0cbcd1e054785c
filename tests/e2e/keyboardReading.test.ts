import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

const article = (page: Page, index: number) =>
  page.locator('.ProseMirror section.article').nth(index)

// The accessible name (or text) of the focused element, and whether it is in the text.
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement
    const label = labelled ? el.labels?.[0]?.textContent : null
    return {
      name: el?.getAttribute('aria-label') ?? label ?? el?.textContent?.trim() ?? '',
      inText: Boolean(el?.closest('#treaty-text')),
      inDialog: Boolean(el?.closest('dialog[open]')),
    }
  })

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

// Presses Tab until the focus is on an element with this name, at most `limit` times.
async function tabTo(page: Page, name: string, limit = 25): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab')
    if ((await focused(page)).name === name) return presses
  }
  throw new Error(`no “${name}” within ${limit} Tab presses`)
}

// A delegate reads the text with a caret: outline jump, Shift+arrow selection, and the
// propose dialog with its co-sponsor combobox, all without a mouse and without a write.
describe('keyboard-only reading and proposing as a delegate', () => {
  let env: E2EEnvironment
  let germany: BrowserUser
  // Yjs document updates Germany's browser sent (y-websocket sync message, update step).
  const updatesSent: number[] = []

  beforeAll(async () => {
    env = await startE2E()
    germany = await env.signedInContext('germany').then(async (context) => {
      const page = await context.newPage()
      page.on('websocket', (ws) =>
        ws.on('framesent', ({ payload }) => {
          const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
          if (bytes[0] === 0 && bytes[1] === 2) updatesSent.push(bytes.length)
        }),
      )
      await page.goto(new URL('/n/ccm', env.url).href)
      return { context, page, errors: [] }
    })
    await waitForText(germany.page)
  })
  afterAll(() => env?.close())

  it('jumps to Art. 2 from the outline: heading below the sticky bar, focus in the text', async () => {
    const { page } = germany
    await page.getByRole('button', { name: /^Art\. 2\s/ }).focus()
    await page.keyboard.press('Enter')
    const bar = await page.getByTestId('read-only').boundingBox()
    const heading = await article(page, 1).locator('.article-title').boundingBox()
    expect(bar && heading).toBeTruthy()
    expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height)
    expect(heading!.y + heading!.height).toBeLessThan(800)
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Treaty text', inText: true })
    await expect
      .poll(() => page.locator('.outline [aria-live]').textContent())
      .toMatch(/^Art\. 2, /)
  })

  it('selects words with Shift and the arrows, and typing, Enter, Backspace, paste and drop change nothing', async () => {
    const { page } = germany
    const before = await textOf(article(page, 1))
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowLeft')
    const words = await selectedText(page)
    expect(words.split(/\s+/).length).toBeGreaterThanOrEqual(3)
    expect(before).toContain(words)

    await page.keyboard.type('xyz')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Delete')
    await page.locator('.ProseMirror').evaluate((editor) => {
      const data = new DataTransfer()
      data.setData('text/plain', 'pasted words')
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
      const box = editor.querySelectorAll('section.article')[1]!.getBoundingClientRect()
      editor.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: data,
          clientX: box.left + 40,
          clientY: box.top + 60,
          bubbles: true,
          cancelable: true,
        }),
      )
    })
    // The same words are still selected, the text is unchanged, nothing was sent.
    expect(await selectedText(page)).toBe(words)
    expect(await textOf(article(page, 1))).toBe(before)
    expect(updatesSent).toEqual([])
    expect(await page.locator('.connection').getAttribute('data-status')).toBe('connected')
    expect(await page.getByRole('alert').count()).toBe(0)
  })

  it('proposes on the words chosen, with France picked in the combobox by “Fra” and Enter', async () => {
    const { page } = germany
    await page.keyboard.press('Control+Alt+a')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true)
    if ((await focused(page)).name !== 'Title') await tabTo(page, 'Title')
    await page.keyboard.type('Keyboard amendment')
    // The co-sponsor list is one Tab stop, not one per state.
    const stops = await tabTo(page, 'Find a co-sponsor')
    expect(stops).toBeLessThan(6)
    await page.keyboard.type('Fra')
    await dialog.getByRole('option', { name: /France/ }).waitFor()
    await page.screenshot({ path: '/tmp/plenary-keyboard-cosponsor.png' })
    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Remove France' }).waitFor()
    expect(await dialog.isVisible()).toBe(true)
    await tabTo(page, 'Create draft')
    await page.keyboard.press('Enter')
    const panel = page.getByTestId('draft-panel')
    await panel.locator('.ProseMirror').waitFor()
    expect(await dialog.isVisible()).toBe(false)
    expect(await panel.textContent()).toContain('Germany, France')
    // The dialog gave the focus back to the text it was opened from.
    await expect.poll(async () => (await focused(page)).inText).toBe(true)
  })

  it('closes the dialog with Escape and gives the focus back to the text', async () => {
    const { page } = germany
    await page.keyboard.press('Control+Alt+a')
    const dialog = page.getByRole('dialog')
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Treaty text', inText: true })
    expect(updatesSent).toEqual([])
    expect(await page.locator('.connection').getAttribute('data-status')).toBe('connected')
  })

  it('moves the focus into the position form and back to its button when it closes', async () => {
    const { page } = germany
    const record = page.getByRole('button', { name: 'Record a position…' }).first()
    await record.focus()
    // The form opens and closes on a render, and the focus moves after it: wait for it.
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Stance')
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await focused(page)).name).toBe('Record a position…')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Stance')
    await tabTo(page, 'Cancel')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).name).toBe('Record a position…')
  })

  it('keeps an article’s heading below the chair’s sticky toolbar at 1180 px too', async () => {
    const { page } = await env.open('/n/ccm', 'chair')
    await page.setViewportSize({ width: 1180, height: 800 })
    await waitForText(page)
    for (const n of [5, 3]) {
      await page.getByRole('button', { name: new RegExp(`^Art\\. ${n}\\s`) }).click()
      const bar = await page.getByRole('toolbar').boundingBox()
      const heading = await article(page, n - 1)
        .locator('.article-title')
        .boundingBox()
      expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height)
      await expect.poll(async () => (await focused(page)).name).toBe('Treaty text')
    }
  })

  it('lets a campaigner annotate words chosen by keyboard, and the dialog gives the focus back', async () => {
    const { page } = await env.open('/n/ccm', 'ana')
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 2\s/ }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+End')
    const words = await selectedText(page)
    expect(words.length).toBeGreaterThan(10)
    await page.keyboard.press('Control+Alt+m')
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 2' })
    await dialog.waitFor()
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true)
    expect(await dialog.getByTestId('note-quote').textContent()).toContain(words.slice(0, 10))
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => focused(page)).toMatchObject({ name: 'Treaty text', inText: true })
  })
})
