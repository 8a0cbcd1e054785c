import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from '../support/editing'
import {
  openPage,
  selectWords,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'
import {
  accountIdOf,
  goOffline,
  goOnline,
  isOfflineNoise,
  pageClock,
  reachesServer,
  recordSyncStates,
  roomOnServer,
  serverArticleText,
  stateSequence,
  storedUpdates,
  syncIndicator,
  waitForOfflineReady,
  waitForSyncState,
  type SeenSync,
} from '../support/offline'

const TYPED = ' Typed in the plenary hall without wifi.'
const CHAIR_WORDS = ' subject to review by the Meeting of States Parties'
const ADMIN_WORDS = 'As agreed in the corridor, '
const SECOND = ' (second time offline)'
const ON_DEVICE = /^(1 change|\d+ changes) only on this device$/

const article = (page: Page, index: number) =>
  page.locator('.ProseMirror section.article').nth(index)

// How the chair's editor holds the text's document (client/src/offline/editorDocWatch.ts):
// the provider's own, or a copy, and how many copies were made on this page.
const editorDoc = (page: Page) =>
  page.evaluate(() => window.__plenaryEditorDocs?.['ccm/text'] ?? null)
const review = (page: Page) => page.getByRole('region', { name: 'Changes made offline' })

// Puts the chair's caret at the end of `words` in an article (0-based).
async function caretAfter(page: Page, index: number, words: string) {
  await page.getByRole('button', { name: new RegExp(`^Art\\. ${index + 1}\\s`) }).click()
  await page.locator('.ProseMirror').focus()
  await selectWords(page, index, words)
  await page.keyboard.press('ArrowRight')
}

// Puts the chair's caret at the end of `words` in an article (0-based) and types `typed` there.
async function typeAfter(page: Page, index: number, words: string, typed: string) {
  await caretAfter(page, index, words)
  await page.keyboard.type(typed)
}

// The must-show of the chair's offline edits (issue 14): typed offline into Art. 3, kept through a
// reload and a new page offline, brought back as a change set the chair reviews and applies, and
// then on the server for everyone; the header said offline → changes only here → all saved.
describe("the chair's text offline", () => {
  let env: E2EEnvironment
  let context: BrowserContext
  let chair: BrowserUser
  let seen: SeenSync[]
  let textDb = ''
  const offlineErrors: string[] = []

  beforeAll(async () => {
    env = await startE2E({ serviceWorkers: 'allow' })
    context = await env.signedInContext('chair')
    seen = await recordSyncStates(context)
    await context.addInitScript({ content: 'window.__plenaryEditorDocs = {}' })
    chair = await openPage(context, new URL('/n/ccm', env.url).href)
    await waitForText(chair.page)
    await waitForOfflineReady(chair.page)
    textDb = `plenary:${await accountIdOf(env.server, 'chair')}:ccm/text`
    await waitForSyncState(chair.page, 'saved', /^All saved on the server$/)
  })
  afterAll(() => env?.close())

  // Errors of pages while offline that are not the network's refusals.
  const unexpected = (u: BrowserUser) => u.errors.filter((e) => !isOfflineNoise(e))

  it('keeps an edit typed offline into Art. 3 through a reload and a new page, then applies it after review', async () => {
    const from = seen.length
    // Online the editor edits the provider's document: the history is applied once (issue 15).
    expect(await editorDoc(chair.page)).toEqual({ shared: true, copies: 0 })
    const before = await pageClock(chair.page)
    await goOffline(context)
    const after = await pageClock(chair.page)
    const words = await waitForSyncState(chair.page, 'offline', /^Offline since \d\d:\d\d/)
    expect([before, after]).toContain(/^Offline since (\d\d:\d\d)/.exec(words)?.[1])
    // Going offline forked the editor's document from the server copy.
    expect(await editorDoc(chair.page)).toEqual({ shared: false, copies: 1 })
    // The page and its service worker are cut off from the server alike.
    expect(await reachesServer(chair.page)).toBe(false)

    const stored = await storedUpdates(chair.page, `${textDb}#local`)
    await typeAfter(chair.page, 2, 'for the purpose of destruction.', TYPED)
    expect(await textOf(article(chair.page, 2))).toContain(TYPED.trim())
    // On disk before the reload (the editor's offline copy).
    await expect.poll(() => storedUpdates(chair.page, `${textDb}#local`)).toBeGreaterThan(stored)

    await chair.page.reload()
    await waitForText(chair.page)
    await expect.poll(() => textOf(article(chair.page, 2))).toContain(TYPED.trim())
    await waitForSyncState(chair.page, 'offline', /^Offline since/)
    offlineErrors.push(...unexpected(chair))

    // The laptop lid: the page closes; a new one opens, still offline, from this device alone.
    await chair.page.close()
    chair = await openPage(context, new URL('/n/ccm', env.url).href)
    await waitForText(chair.page)
    await expect.poll(() => textOf(article(chair.page, 2))).toContain(TYPED.trim())
    await waitForSyncState(chair.page, 'offline', /^Offline since/)
    // The editor holds the offline copy as stored on this device: nothing was copied for it.
    expect(await editorDoc(chair.page)).toEqual({ shared: false, copies: 0 })
    expect(await reachesServer(chair.page)).toBe(false)
    // Nothing of it has reached the server.
    expect(await serverArticleText(env.server, 'art-3')).not.toContain(TYPED.trim())

    await goOnline(context)
    await waitForSyncState(chair.page, 'pending', ON_DEVICE)
    const section = review(chair.page)
    await section.getByRole('heading', { name: 'Changes made offline' }).waitFor()
    // Said in the text's head wherever the chair is reading, with a way to the review.
    const notice = chair.page.locator('.document-head .change-set-notice')
    expect(await textOf(notice)).toContain('Changes made offline: 1 article to review.')
    await notice.getByRole('button', { name: 'Review them' }).click()
    await expect
      .poll(() => chair.page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Changes made offline')
    expect(await section.textContent()).toContain('You changed 1 article while offline')
    const entries = section.getByRole('heading', { name: /— (changed|added|deleted) offline$/ })
    expect(await entries.allTextContents()).toEqual(['Article 3 — changed offline'])
    expect(await section.textContent()).not.toContain(
      'Changed on the server since you went offline',
    )
    // Not merged blindly: the server has none of it until the chair applies it.
    expect(await serverArticleText(env.server, 'art-3')).not.toContain(TYPED.trim())
    await chair.page.screenshot({ path: '/tmp/plenary-offline-chair-review.png' })

    await section.getByRole('button', { name: 'Apply to the text' }).click()
    await waitForSyncState(chair.page, 'saved', /^All saved on the server$/)
    await expect.poll(() => serverArticleText(env.server, 'art-3')).toContain(TYPED.trim())
    // Reviewed: the editor is back on the provider's document, with no copy made for it.
    expect(await editorDoc(chair.page)).toEqual({ shared: true, copies: 0 })
    await expect.poll(() => review(chair.page).count()).toBe(0)
    expect(await textOf(article(chair.page, 2))).toContain(TYPED.trim())

    const france = await env.open('/n/ccm', 'france')
    await waitForText(france.page)
    await expect.poll(() => textOf(article(france.page, 2))).toContain(TYPED.trim())
    // Typed once: neither the reload nor the new page doubled it.
    expect((await textOf(article(france.page, 2))).split(TYPED.trim()).length).toBe(2)

    expect(stateSequence(seen.slice(from))).toEqual(['offline', 'pending', 'saved'])
    expect(offlineErrors).toEqual([])
    expect(unexpected(chair)).toEqual([])
    expect(france.errors).toEqual([])
  }, 120_000)

  it('shows an offline edit against the wording another secretariat member put in meanwhile', async () => {
    // A page that has not been offline before (the next test goes offline twice on one page).
    await chair.page.close()
    chair = await openPage(context, new URL('/n/ccm', env.url).href)
    const { page } = chair
    await waitForText(page)
    await waitForSyncState(page, 'saved', /^All saved on the server$/)
    await goOffline(context)
    await waitForSyncState(page, 'offline', /^Offline since/)
    await typeAfter(page, 3, 'located in cluster munition contaminated areas', CHAIR_WORDS)

    // Meanwhile the administrator (secretariat, acting as chair) changes the same paragraph.
    const admin = await roomOnServer(env.server, 'admin', 'ccm/text')
    runCommand(admin, 'art-4', '|Each State Party undertakes to clear', (state, dispatch) => {
      dispatch?.(state.tr.insertText(ADMIN_WORDS))
      return true
    })
    await expect.poll(() => serverArticleText(env.server, 'art-4')).toContain(ADMIN_WORDS)
    admin.destroy()
    expect(await textOf(article(page, 3))).not.toContain(ADMIN_WORDS.trim())

    await goOnline(context)
    await waitForSyncState(page, 'pending', ON_DEVICE)
    const section = review(page)
    await section.getByRole('heading', { name: 'Article 4 — changed offline' }).waitFor()
    const entry = await section.textContent()
    expect(entry).toContain(
      'Changed on the server since you went offline: compare with the current wording below.',
    )
    // The diff runs from the CURRENT wording, the administrator's words in it, to the chair's.
    expect(entry).toContain(ADMIN_WORDS.trim())
    expect(entry).toContain(CHAIR_WORDS.trim())
    // Before anything is applied the server holds the administrator's wording only.
    const current = await serverArticleText(env.server, 'art-4')
    expect(current).toContain(ADMIN_WORDS)
    expect(current).not.toContain(CHAIR_WORDS.trim())
    // The editor, meanwhile, shows the current text from the server.
    await expect.poll(() => textOf(article(page, 3))).toContain(ADMIN_WORDS.trim())
    await page.screenshot({ path: '/tmp/plenary-offline-chair-changed-meanwhile.png' })

    await section.getByRole('button', { name: 'Apply to the text' }).click()
    await waitForSyncState(page, 'saved', /^All saved on the server$/)
    // Applied: the article is the chair's version of it.
    await expect.poll(() => serverArticleText(env.server, 'art-4')).toContain(CHAIR_WORDS.trim())
    expect(await serverArticleText(env.server, 'art-4')).not.toContain(ADMIN_WORDS.trim())
    expect(await syncIndicator(page).getAttribute('data-sync')).toBe('saved')
    expect(unexpected(chair)).toEqual([])
  }, 90_000)

  it('keeps the edits of a second offline period on the same page apart as well', async () => {
    const { page } = chair
    await waitForSyncState(page, 'saved', /^All saved on the server$/)
    // The caret is placed online; the chair goes on typing there once offline.
    await caretAfter(page, 4, 'Each State Party with respect to cluster munition victims')
    await goOffline(context)
    await waitForSyncState(page, 'offline', /^Offline since/)
    // The text's own row, not only the other rooms'.
    const textRow = page.locator('.sync-room[data-room="ccm/text"]')
    await expect.poll(() => textRow.getAttribute('data-sync')).toBe('offline')
    // The editor was rebuilt on a copy (the second on this page) and kept its caret and focus.
    expect(await editorDoc(page)).toEqual({ shared: false, copies: 2 })
    await page.keyboard.type(SECOND)
    expect(await textOf(article(page, 4))).toContain(`cluster munition victims${SECOND}`)
    await goOnline(context)
    await waitForSyncState(page, 'pending', ON_DEVICE)
    await review(page).getByRole('heading', { name: 'Article 5 — changed offline' }).waitFor()
    expect(await serverArticleText(env.server, 'art-5')).not.toContain(SECOND.trim())
    await review(page).getByRole('button', { name: 'Drop' }).click()
    await waitForSyncState(page, 'saved', /^All saved on the server$/)
    expect(await serverArticleText(env.server, 'art-5')).not.toContain(SECOND.trim())
    expect(unexpected(chair)).toEqual([])
  }, 60_000)
})
