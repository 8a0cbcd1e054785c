import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  selectWords,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

const goToArticle2 = (page: Page) => page.getByRole('button', { name: /^Art\. 2\s/ }).click()
const notesTab = (page: Page) => page.getByRole('tab', { name: /^Notes/ })
const notesPanel = (page: Page) => page.getByTestId('notes')
const noteCard = (page: Page, text: string) =>
  notesPanel(page).getByTestId('note-card').filter({ hasText: text })
// The words the highlights hold in the text, piece by piece.
const highlighted = (page: Page) =>
  page.locator('.ProseMirror mark.note-range').evaluateAll((ms) => ms.map((m) => m.textContent))

async function noteCount(page: Page, articleNumber: number): Promise<string> {
  const item = page.locator('[data-testid="outline"] .outline-item').nth(articleNumber - 1)
  return (await item.getByTestId('note-count').allTextContents())[0] ?? ''
}

/** A signed-in person whose page's websockets are recorded from the first navigation on. */
interface Watched extends BrowserUser {
  sockets: string[]
  dialogs: string[]
}

async function openWatched(env: E2EEnvironment, username: string): Promise<Watched> {
  const context = await env.signedInContext(username)
  const page = await context.newPage()
  const sockets: string[] = []
  const dialogs: string[] = []
  const errors: string[] = []
  page.on('websocket', (ws) => sockets.push(ws.url()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(new URL('/n/ccm', env.url).href)
  await waitForText(page)
  return { context, page, errors, sockets, dialogs }
}

const NOTE = 'France may *waver* here; brief **Paris** before Thursday'
const PHRASE = 'economic loss, social marginalization'
const XSS = '<img src=x onerror=alert(1)>'
const XSS_PHRASE = 'social marginalization or substantial impairment'

// The must-show of notes: two campaigners of one group annotate and reply live; another group,
// a delegate and an observer see none of it (not even a websocket) until one note is published.
describe('campaigner notes', () => {
  let env: E2EEnvironment
  let ana: Watched
  let ben: Watched
  let hana: Watched
  let france: Watched

  beforeAll(async () => {
    env = await startE2E()
    ana = await openWatched(env, 'ana')
    ben = await openWatched(env, 'ben')
    hana = await openWatched(env, 'hana')
    france = await openWatched(env, 'france')
  })
  afterAll(() => env?.close())

  it('lets Ana annotate words of Art. 2 with a tag; Ben sees the highlight and the note live', async () => {
    const { page } = ana
    await goToArticle2(page)
    await selectWords(page, 1, PHRASE)
    await page.getByRole('button', { name: /^Annotate/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 2' })
    expect(await dialog.getByTestId('note-quote').textContent()).toBe(`“${PHRASE}”`)
    await dialog.getByLabel('Note', { exact: true }).fill(NOTE)
    await dialog.getByRole('checkbox', { name: 'lobbying' }).check()
    await dialog.getByLabel('New tag').fill('France')
    await dialog.getByLabel('New tag').press('Enter')
    await dialog.getByLabel('Actor (optional)').selectOption('FRA')
    // The preview shows the emphasis as it will be shown.
    expect(await dialog.getByLabel('Preview').locator('em').textContent()).toBe('waver')
    await page.screenshot({ path: '/tmp/plenary-notes-composer.png' })
    await dialog.getByRole('button', { name: 'Save note' }).click()

    await expect.poll(() => highlighted(page)).toEqual([PHRASE])
    const card = noteCard(page, 'brief Paris')
    await card.waitFor()
    expect(await card.locator('.note-body strong').textContent()).toBe('Paris')
    expect(await card.locator('.note-tag').allTextContents()).toEqual(['lobbying', 'france'])
    expect(await card.locator('.note-link').textContent()).toBe('Actor: France')
    expect(await noteCount(page, 2)).toBe('1 note')

    // Ben, in another browser: the highlight arrives live; a click on it opens the note.
    await expect.poll(() => highlighted(ben.page)).toEqual([PHRASE])
    await ben.page.locator('.ProseMirror mark.note-range').click()
    expect(await notesTab(ben.page).getAttribute('aria-selected')).toBe('true')
    const bens = noteCard(ben.page, 'brief Paris')
    await bens.waitFor()
    expect(await bens.getAttribute('aria-current')).toBe('true')
    expect(await bens.locator('.note-author').textContent()).toBe('Ana (CMC)')
    // Only the author may edit or delete.
    expect(await card.getByRole('button', { name: 'Edit' }).count()).toBe(1)
    expect(await bens.getByRole('button', { name: 'Edit' }).count()).toBe(0)
    expect(await bens.getByRole('button', { name: 'Delete' }).count()).toBe(0)
  })

  it('carries Ben’s reply to Ana live, and resolving and reopening both ways', async () => {
    const bens = noteCard(ben.page, 'brief Paris')
    await bens.getByRole('button', { name: 'Reply…' }).click()
    await bens
      .getByLabel('Reply')
      .fill('Their capital meets on Wednesday — see https://example.org/brief')
    await bens.getByRole('button', { name: 'Reply', exact: true }).click()

    const anas = noteCard(ana.page, 'brief Paris')
    await expect
      .poll(() => anas.locator('.reply .note-body').allTextContents())
      .toEqual(['Their capital meets on Wednesday — see https://example.org/brief'])
    expect(await anas.locator('.reply-author').textContent()).toBe('Ben (CMC)')
    expect(await anas.locator('.reply a').getAttribute('href')).toBe('https://example.org/brief')

    await anas.getByRole('button', { name: 'Resolve' }).click()
    await expect
      .poll(() => bens.getByTestId('resolved').textContent())
      .toBe('Resolved by Ana (CMC)')
    await expect.poll(() => ben.page.locator('.ProseMirror mark.note-resolved').count()).toBe(1)
    await bens.getByRole('button', { name: 'Reopen' }).click()
    await expect.poll(() => anas.getByTestId('resolved').count()).toBe(0)
    await ana.page.screenshot({ path: '/tmp/plenary-notes-thread-ana.png' })
  })

  it('shows a body with markup as its characters, with the shortcut and overlapping', async () => {
    const { page } = ana
    await page.locator('.ProseMirror').focus()
    await selectWords(page, 1, XSS_PHRASE)
    await page.keyboard.press('Control+Alt+m')
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 2' })
    await dialog.getByLabel('Note', { exact: true }).fill(XSS)
    await dialog.getByRole('checkbox', { name: 'threat' }).check()
    await dialog.getByRole('button', { name: 'Save note' }).click()

    for (const u of [ana, ben]) {
      const card = noteCard(u.page, XSS)
      await card.waitFor()
      expect(await card.locator('.note-body').textContent()).toBe(XSS)
      expect(await notesPanel(u.page).locator('img').count()).toBe(0)
      expect(await u.page.locator('img[src="x"]').count()).toBe(0)
      // The overlap: "social marginalization" is under both notes, darker.
      await expect
        .poll(() =>
          u.page
            .locator('.ProseMirror mark.note-depth-2')
            .evaluateAll((ms) => ms.map((m) => m.textContent)),
        )
        .toEqual(['social marginalization'])
    }
    expect(await noteCount(ana.page, 2)).toBe('2 notes')
    await page.screenshot({ path: '/tmp/plenary-notes-overlap-ana.png' })
    await ben.page.screenshot({ path: '/tmp/plenary-notes-ben.png' })
    expect(ana.dialogs).toEqual([])
    expect(ben.dialogs).toEqual([])
  })

  it('shows another group and a delegate none of it, and opens no socket to the group’s room', async () => {
    for (const u of [hana, france]) {
      await goToArticle2(u.page)
      await notesTab(u.page).click()
      // None on Art. 2 (France's delegation has notes of its own elsewhere, in its own room).
      const article2 = u.page.locator('.ProseMirror section.article').nth(1)
      expect(await article2.locator('mark.note-range').count()).toBe(0)
      // Nor Ana's selection: a reader's selection is never sent to the text room.
      expect(await u.page.locator('.ProseMirror .remote-selection').count()).toBe(0)
      expect(await u.page.locator('.remote-caret-label').allTextContents()).not.toContain(
        'Ana (CMC)',
      )
      const text = (await u.page.locator('body').textContent()) ?? ''
      expect(text).not.toContain('brief Paris')
      expect(text).not.toContain('<img')
      expect(text).not.toContain('Their capital meets')
      expect(await notesPanel(u.page).textContent()).toContain('No notes on this article')
      // Hana annotates for her own group, the delegate for its delegation (issue 13).
      expect(await u.page.getByRole('button', { name: /^Annotate/ }).count()).toBe(1)
      expect(u.sockets.some((s) => s.includes('/notes/cmc'))).toBe(false)
      // The recorder works: the public notes room is open for every member.
      expect(u.sockets.some((s) => s.includes('/notes/public'))).toBe(true)
    }
    expect(hana.sockets.some((s) => s.includes('/notes/hrw'))).toBe(true)
    expect(france.sockets.some((s) => s.includes('/notes/delegation-fra'))).toBe(true)
    expect(ana.sockets.some((s) => s.includes('/notes/cmc'))).toBe(true)
    await france.page.screenshot({ path: '/tmp/plenary-notes-france-none.png' })
  })

  it('exports the group’s notes as CSV and Markdown', async () => {
    const panel = notesPanel(ana.page)
    for (const [name, ext] of [
      ['CSV', '.csv'],
      ['Markdown', '.md'],
    ] as const) {
      const [download] = await Promise.all([
        ana.page.waitForEvent('download'),
        panel.getByRole('link', { name }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\${ext}$`))
      const path = await download.path()
      const { readFile } = await import('node:fs/promises')
      const text = await readFile(path, 'utf8')
      expect(text).toContain('brief **Paris** before Thursday')
      expect(text).toContain(PHRASE)
    }
  })

  it('publishes a note after a confirmation: the observer sees it, other notes stay private', async () => {
    const observer = await openWatched(env, 'observer')
    const anas = noteCard(ana.page, 'brief Paris')
    await anas.getByRole('button', { name: 'Publish…' }).click()
    const confirm = ana.page.getByRole('dialog', { name: 'Publish this note to every member?' })
    expect(await confirm.textContent()).toContain('Every member of this negotiation')
    await confirm.getByRole('button', { name: 'Publish' }).click()
    await expect.poll(() => anas.getByTestId('published').textContent()).toBe('Published')

    await expect
      .poll(() => observer.page.locator('.ProseMirror mark.note-public').count())
      .toBeGreaterThan(0)
    expect(await highlighted(observer.page)).toEqual([PHRASE])
    await observer.page.locator('.ProseMirror mark.note-range').first().focus()
    const seen = noteCard(observer.page, 'brief Paris')
    await seen.waitFor()
    expect(await seen.getByTestId('published').textContent()).toBe(
      'Published · Cluster Munition Coalition',
    )
    // The copy is the note alone: not the group's thread, not its other note, no actions.
    const text = (await observer.page.locator('body').textContent()) ?? ''
    expect(text).not.toContain('Their capital meets')
    expect(text).not.toContain('<img')
    expect(await seen.getByRole('button').count()).toBe(0)
    expect(observer.sockets.some((s) => s.includes('/notes/cmc'))).toBe(false)
    await observer.page.screenshot({ path: '/tmp/plenary-notes-published-observer.png' })
    // Ana's group still sees one highlight per note, the published one in violet.
    expect(await ana.page.locator('.ProseMirror mark.note-mixed').count()).toBe(1)
    expect(observer.errors).toEqual([])
  })

  it('keeps a note whose words the chair deleted, under its article', async () => {
    const chair = await openWatched(env, 'chair')
    await goToArticle2(chair.page)
    await selectWords(chair.page, 1, `${PHRASE} or`)
    await chair.page.keyboard.press('Backspace')
    const orphan = noteCard(ana.page, 'brief Paris').getByTestId('orphan')
    await expect.poll(() => orphan.textContent()).toBe(`words deleted: ‘${PHRASE}’`)
    // The other note keeps what is left of its words.
    await expect
      .poll(async () => (await highlighted(ana.page)).map((t) => t?.trim()))
      .toEqual(['substantial impairment'])
    expect(await noteCount(ana.page, 2)).toBe('2 notes')
    await expect.poll(() => noteCard(ben.page, 'brief Paris').getByTestId('orphan').count()).toBe(1)
    await ana.page.screenshot({ path: '/tmp/plenary-notes-orphan-ana.png' })
    for (const u of [ana, ben, hana, france, chair]) {
      expect(u.dialogs).toEqual([])
      expect(u.errors).toEqual([])
    }
  })
})
