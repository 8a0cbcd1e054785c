import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call } from '../support/api'
import {
  selectWords,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'
import { rawAnswer } from '../support/groups'

const ROOM = 'delegation-fra'
const PHRASE = 'collect reliable relevant data'
const NOTE = 'Private to France: our line on victim data is *not yet agreed* in Paris'
const OUTSIDERS = ['germany', 'hana', 'observer', 'chair'] as const

/** A person's browser with the websockets its page opened. */
interface Watched extends BrowserUser {
  sockets: string[]
}

async function openWatched(env: E2EEnvironment, username: string, path = '/n/ccm') {
  const context = await env.signedInContext(username)
  const page = await context.newPage()
  const sockets: string[] = []
  const errors: string[] = []
  page.on('websocket', (ws) => sockets.push(ws.url()))
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(new URL(path, env.url).href)
  return { context, page, errors, sockets } satisfies Watched
}

const goToArticle5 = (page: Page) => page.getByRole('button', { name: /^Art\. 5\s/ }).click()
const notesPanel = (page: Page) => page.getByTestId('notes')
const noteCard = (page: Page, text: string) =>
  notesPanel(page).getByTestId('note-card').filter({ hasText: text })

// The must-show of a delegation's notes: a note on Article 5 in France's own room reaches the
// other France delegate live, and no one else: not Germany, not an NGO, not the observer, not
// even the chair (not in the page, and their websocket to the room is refused with 0 bytes).
describe("a delegation's private notes", () => {
  let env: E2EEnvironment
  let france: Watched
  let france2: Watched

  beforeAll(async () => {
    env = await startE2E()
    france = await openWatched(env, 'france')
    await waitForText(france.page)
  })
  afterAll(() => env?.close())

  it('lets a France delegate write a note on Art. 5 in the delegation’s room', async () => {
    const { page } = france
    await goToArticle5(page)
    await selectWords(page, 4, PHRASE)
    await page.getByRole('button', { name: /^Annotate/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 5' })
    await dialog.getByLabel('Note', { exact: true }).fill(NOTE)
    await dialog.getByRole('button', { name: 'Save note' }).click()
    const card = noteCard(page, 'not yet agreed')
    await card.waitFor()
    expect(await card.locator('.note-body em').textContent()).toBe('not yet agreed')
    expect(france.sockets.some((s) => s.includes(`/notes/${ROOM}`))).toBe(true)
  })

  it('shows it live to the second France delegate, who comes from the Rooms page', async () => {
    france2 = await openWatched(env, 'france2', '/n/ccm/rooms')
    const room = france2.page.locator(`[data-testid="room"][data-group-id="${ROOM}"]`)
    await room.getByRole('link', { name: 'Notes in the text' }).click()
    await waitForText(france2.page)
    expect(new URL(france2.page.url()).searchParams.get('notes')).toBe(ROOM)
    await goToArticle5(france2.page)
    const card = noteCard(france2.page, 'not yet agreed')
    await card.waitFor()
    expect(await card.locator('.note-author').textContent()).toBe('Delegate of France')

    // And what the second delegate adds reaches the first, live.
    await card.getByRole('button', { name: 'Reply…' }).click()
    await card.getByLabel('Reply').fill('Paris answers tomorrow')
    await card.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect
      .poll(() =>
        noteCard(france.page, 'not yet agreed').locator('.reply .note-body').allTextContents(),
      )
      .toEqual(['Paris answers tomorrow'])
    await france2.page.screenshot({ path: '/tmp/plenary-delegation-notes-france2.png' })
  })

  for (const who of OUTSIDERS) {
    it(`shows ${who} none of it, and refuses ${who}’s websocket with 0 bytes`, async () => {
      const u = await openWatched(env, who)
      await waitForText(u.page)
      await goToArticle5(u.page)
      await u.page.getByRole('tab', { name: /^Notes/ }).click()
      await notesPanel(u.page).waitFor()
      // The text has arrived in full (Art. 5 is the current article) and the note is not in it.
      await expect
        .poll(() => u.page.getByRole('heading', { name: /^Art\. 5 notes/ }).count())
        .toBe(1)
      const text = (await u.page.locator('body').textContent()) ?? ''
      expect(text).not.toContain('not yet agreed')
      expect(text).not.toContain('Paris answers tomorrow')
      expect(u.sockets.some((s) => s.includes(`/notes/${ROOM}`))).toBe(false)
      expect(await rawAnswer(env.server, who, `ccm/notes/${ROOM}`)).toEqual({
        who,
        room: `ccm/notes/${ROOM}`,
        code: CloseCode.Forbidden,
        messages: 0,
      })
      const session = await env.server.loginAs(who)
      const csv = await call(
        env.url,
        session,
        'GET',
        `/api/negotiations/ccm/notes/${ROOM}/annotations.csv`,
      )
      expect({ who, status: csv.status }).toEqual({ who, status: 403 })
      expect(u.errors).toEqual([])
    })
  }

  it('lets a delegate in a coalition choose whose notes: the delegation’s or the coalition’s', async () => {
    // Austria is in the demo's core group: its delegation's room first, the core group's apart.
    const austria = await openWatched(env, 'austria')
    const { page } = austria
    await waitForText(page)
    await goToArticle5(page)
    await page.getByRole('tab', { name: /^Notes/ }).click()
    const choice = notesPanel(page).getByLabel('Notes of')
    expect(await choice.inputValue()).toBe('delegation-aut')
    await choice.selectOption('core-group')
    expect(new URL(page.url()).searchParams.get('notes')).toBe('core-group')
    await page.locator('.ProseMirror').focus()
    await selectWords(page, 4, 'Assess the needs of cluster munition victims')
    await page.getByRole('button', { name: /^Annotate/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 5' })
    await dialog.getByLabel('Note', { exact: true }).fill('Core group line on needs assessment')
    await dialog.getByRole('button', { name: 'Save note' }).click()
    await noteCard(page, 'Core group line').waitFor()
    expect(austria.sockets.some((s) => s.includes('/notes/core-group'))).toBe(true)
    // Back in the delegation's room the coalition's note is not there, and the reverse.
    await choice.selectOption('delegation-aut')
    await expect.poll(() => noteCard(page, 'Core group line').count()).toBe(0)
    await choice.selectOption('core-group')
    await noteCard(page, 'Core group line').waitFor()
    // France is not in the core group: its browsers never open that room.
    expect(france.sockets.some((s) => s.includes('/notes/core-group'))).toBe(false)
    expect(austria.errors).toEqual([])
  })

  it('keeps the note in the delegation’s export', async () => {
    const session = await env.server.loginAs('france2')
    const res = await fetch(`${env.url}/api/negotiations/ccm/notes/${ROOM}/annotations.csv`, {
      headers: { ...session },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('not yet agreed')
    expect(france.errors).toEqual([])
    expect(france2.errors).toEqual([])
  })
})
