import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openPage,
  selectWords,
  startE2E,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'
import {
  accountIdOf,
  cachedBodies,
  cacheNames,
  databaseNames,
  goOffline,
  goOnline,
  isOfflineNoise,
  reachesServer,
  serverNoteBodies,
  syncIndicator,
  waitForOfflineReady,
  waitForSyncState,
} from '../support/offline'

const PHRASE = 'economic loss, social marginalization'
const NOTE = 'Written offline in the hall: ask Norway about victim assistance funding'

const goToArticle2 = (page: Page) => page.getByRole('button', { name: /^Art\. 2\s/ }).click()
const noteCard = (page: Page) =>
  page.getByTestId('notes').getByTestId('note-card').filter({ hasText: 'Written offline' })

// The must-show of a campaigner's notes offline (issue 14): Hana (Human Rights Watch) keeps her
// group's notes on this device, writes one offline, reloads offline and still has it; back
// online it reaches her group's room and no other; signing out deletes what the browser kept.
describe("a campaigner's notes offline", () => {
  let env: E2EEnvironment
  let context: BrowserContext
  let hana: BrowserUser
  let hanaId = ''

  beforeAll(async () => {
    env = await startE2E({ serviceWorkers: 'allow' })
    context = await env.signedInContext('hana')
    hana = await openPage(context, new URL('/n/ccm', env.url).href)
    await waitForText(hana.page)
    await waitForOfflineReady(hana.page)
    hanaId = await accountIdOf(env.server, 'hana')
  })
  afterAll(() => env?.close())

  it('keeps a note written offline through a reload, then sends it to her group’s room only', async () => {
    const { page } = hana
    await syncIndicator(page).locator('button').first().click()
    const popover = page.getByRole('dialog', { name: 'Sync status' })
    await popover
      .getByRole('checkbox', { name: 'Keep drafts and group notes on this device' })
      .check()
    await page.keyboard.press('Escape')
    await expect.poll(() => popover.isVisible()).toBe(false)
    await waitForSyncState(page, 'saved', /^All saved on the server$/)

    await goOffline(context)
    await waitForSyncState(page, 'offline', /^Offline since \d\d:\d\d/)
    await goToArticle2(page)
    await page.locator('.ProseMirror').focus()
    await selectWords(page, 1, PHRASE)
    await page.getByRole('button', { name: /^Annotate/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Annotate Art. 2' })
    await dialog.getByLabel('Note', { exact: true }).fill(NOTE)
    await dialog.getByRole('button', { name: 'Save note' }).click()
    await noteCard(page).waitFor()
    await waitForSyncState(page, 'offline', /only on this device$/)
    // Kept on this device since she opted in: the group's room has its database already.
    expect
      .soft(await databaseNames(page), 'her group’s notes kept on this device before the reload')
      .toContain(`plenary:${hanaId}:ccm/notes/hrw`)

    await page.reload()
    await waitForText(page)
    expect(await reachesServer(page)).toBe(false)
    await goToArticle2(page)
    await page.getByRole('tab', { name: /^Notes/ }).click()
    await noteCard(page).waitFor()
    await waitForSyncState(page, 'offline', /only on this device$/)
    // Nothing reached the server while offline.
    expect(await serverNoteBodies(env.server, 'hana', 'ccm/notes/hrw')).not.toContain(NOTE)

    await goOnline(context)
    await waitForSyncState(page, 'saved', /^All saved on the server$/)
    await expect.poll(() => serverNoteBodies(env.server, 'hana', 'ccm/notes/hrw')).toContain(NOTE)
    // Her group's room only: not the published notes, not another group's room.
    expect(await serverNoteBodies(env.server, 'observer', 'ccm/notes/public')).not.toContain(NOTE)
    expect(await serverNoteBodies(env.server, 'ana', 'ccm/notes/cmc')).not.toContain(NOTE)
    expect(hana.errors.filter((e) => !isOfflineNoise(e))).toEqual([])
  }, 90_000)

  it('deletes her rooms’ databases and the cached API answers when she signs out', async () => {
    const { page } = hana
    const mine = async () =>
      (await databaseNames(page)).filter((n) => n.startsWith(`plenary:${hanaId}:`))
    expect(await mine()).toEqual(
      expect.arrayContaining([`plenary:${hanaId}:ccm/text`, `plenary:${hanaId}:ccm/notes/hrw`]),
    )
    expect(await cacheNames(page)).toContain('plenary-api')
    expect(JSON.stringify(await cachedBodies(page, 'plenary-api'))).toContain(hanaId)

    await page.getByTestId('whoami').getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('Username').waitFor()
    await expect.poll(mine).toEqual([])
    // Whatever the worker keeps after (the signed-out page's own reads) holds nothing of hers.
    const kept = JSON.stringify(await cachedBodies(page, 'plenary-api'))
    expect(kept).not.toContain(hanaId)
    expect(kept).not.toContain('Hana')
    expect(kept).not.toContain('/api/negotiations/ccm')
    const storage = await page.evaluate(() => Object.keys(localStorage))
    expect(storage.filter((k) => k.includes(hanaId))).toEqual([])
    expect(hana.errors.filter((e) => !isOfflineNoise(e))).toEqual([])
  })
})
