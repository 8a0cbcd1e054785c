import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, textOf, type BrowserUser, type E2EEnvironment } from '../support/browser'
import {
  draftOfGermanyAndFrance,
  goOffline,
  goOnline,
  isOfflineNoise,
  roomOnServer,
  waitForSyncState,
} from '../support/offline'
import { wordingOf } from '../support/proposals'

const TITLE = 'Weight threshold, drafted over bad wifi'
const WORDS = 'each weighing less than 20 kilograms'
// What each sponsor types, and where in the one paragraph: France offline, Germany online.
const FRANCE = [
  { at: 'start', text: 'Only ' },
  { at: 'end', text: ' in total' },
  { at: 'end', text: ', (FR)' },
]
const GERMANY = [
  { at: 'end', text: ' or fewer' },
  { at: 'start', text: 'DE: ' },
  { at: 'end', text: ' [DE]' },
]
// Between two bursts of typing; three bursts each over France's minute offline.
const PAUSE_MS = 10_000

const draftEditor = (page: Page) => page.getByTestId('draft-panel').locator('.ProseMirror')
const paragraphs = (page: Page) =>
  draftEditor(page)
    .locator('p')
    .evaluateAll((ps) =>
      ps.map((p) => {
        const copy = p.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.remote-caret').forEach((c) => c.remove())
        return copy.textContent ?? ''
      }),
    )

// Opens the draft from the text page's list of one's drafts.
async function openDraft(env: E2EEnvironment, username: string): Promise<BrowserUser> {
  const user = await env.open('/n/ccm', username)
  await user.page
    .getByTestId('my-drafts')
    .getByRole('button', { name: new RegExp(TITLE) })
    .click()
  await draftEditor(user.page).filter({ hasText: WORDS }).waitFor()
  return user
}

// Types into the draft's one paragraph at its start or its end, put there by a click as a person
// would (the first line's left edge, the last line's right edge).
async function typeIn(page: Page, at: string, text: string) {
  const paragraph = draftEditor(page).locator('p').first()
  const box = await paragraph.boundingBox()
  if (!box) throw new Error('the draft has no paragraph on screen')
  await paragraph.click({
    position: at === 'start' ? { x: 1, y: 4 } : { x: box.width - 1, y: box.height - 4 },
  })
  await page.keyboard.type(text)
}

// The must-show of drafts offline (issue 14): Germany and France sponsor one draft and edit the
// same paragraph while France is offline for a minute; once France is back, both browsers and the
// server hold the same wording, character for character, with every edit of both in it.
describe('two sponsors of a draft, one offline for a minute', () => {
  let env: E2EEnvironment
  let germany: BrowserUser
  let france: BrowserUser
  let room = ''

  beforeAll(async () => {
    env = await startE2E({ serviceWorkers: 'allow' })
    room = await draftOfGermanyAndFrance(env, TITLE, WORDS)
    germany = await openDraft(env, 'germany')
    france = await openDraft(env, 'france')
    await waitForSyncState(france.page, 'saved', /^All saved on the server$/)
  })
  afterAll(() => env?.close())

  it('merges both sponsors’ edits of one paragraph, the same for both, after a minute offline', async () => {
    await goOffline(france.context)
    await waitForSyncState(france.page, 'offline', /^Offline since \d\d:\d\d/)
    for (let i = 0; i < FRANCE.length; i++) {
      await typeIn(france.page, FRANCE[i]!.at, FRANCE[i]!.text)
      await germany.page.waitForTimeout(PAUSE_MS / 2)
      await typeIn(germany.page, GERMANY[i]!.at, GERMANY[i]!.text)
      await germany.page.waitForTimeout(PAUSE_MS * 1.5)
      // France's edits stay with France while offline; Germany's reach the server at once.
      expect(await textOf(draftEditor(germany.page))).not.toContain(FRANCE[i]!.text.trim())
      expect(await textOf(draftEditor(france.page))).not.toContain(GERMANY[i]!.text.trim())
    }
    await waitForSyncState(france.page, 'offline', /only on this device$/)
    await goOnline(france.context)
    await waitForSyncState(france.page, 'saved', /^All saved on the server$/, 20_000)
    await waitForSyncState(germany.page, 'saved', /^All saved on the server$/)

    const server = await roomOnServer(env.server, 'germany', room)
    await expect.poll(() => paragraphs(france.page)).toEqual(await paragraphs(germany.page))
    await expect.poll(() => paragraphs(germany.page)).toEqual(await paragraphs(france.page))
    const wording = (await paragraphs(germany.page)).join('\n')
    // Character for character: both browsers, and the server's copy of the room.
    expect(await paragraphs(france.page)).toEqual(await paragraphs(germany.page))
    expect(wordingOf(server.doc).textBetween(0, wordingOf(server.doc).content.size, '\n')).toBe(
      wording,
    )
    server.destroy()
    for (const piece of [...FRANCE, ...GERMANY, { text: WORDS }])
      expect(wording).toContain(piece.text.trim())
    expect(wording).toMatch(/^(Only DE: |DE: Only )each weighing/)
    await france.page.screenshot({ path: '/tmp/plenary-offline-draft-france.png' })
    expect(france.errors.filter((e) => !isOfflineNoise(e))).toEqual([])
    expect(germany.errors).toEqual([])
  }, 150_000)
})
