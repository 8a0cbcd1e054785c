import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { startE2E, textOf, type BrowserUser, type E2EEnvironment } from '../support/browser'
import {
  draftOfGermanyAndFrance,
  accountIdOf,
  goOffline,
  goOnline,
  roomOnServer,
  syncIndicator,
  waitForSyncState,
} from '../support/offline'

const TITLE = 'Transition period, drafted before a role changed'
const WORDS = 'each weighing less than 20 kilograms'
const OFFLINE_WORDS = ' within eight years'

const draftEditor = (page: Page) => page.getByTestId('draft-panel').locator('.ProseMirror')

// Access narrowed while offline (issue 14): France's delegate edits a draft offline, the chair
// makes her an observer meanwhile; back online the server refuses the draft (4403), and her
// edits are neither forced in nor thrown away: they are a local copy she can export.
describe('a draft edited offline by someone whose access was narrowed meanwhile', () => {
  let env: E2EEnvironment
  let france: BrowserUser
  let room = ''

  beforeAll(async () => {
    env = await startE2E({ serviceWorkers: 'allow' })
    room = await draftOfGermanyAndFrance(env, TITLE, WORDS)
    france = await env.open('/n/ccm', 'france')
    await france.page
      .getByTestId('my-drafts')
      .getByRole('button', { name: new RegExp(TITLE) })
      .click()
    await draftEditor(france.page).filter({ hasText: WORDS }).waitFor()
    await waitForSyncState(france.page, 'saved', /^All saved on the server$/)
  })
  afterAll(() => env?.close())

  it('keeps the refused edits as a local copy to export, and the server never gets them', async () => {
    await goOffline(france.context)
    const paragraph = draftEditor(france.page).locator('p').first()
    const box = await paragraph.boundingBox()
    if (!box) throw new Error('the draft has no paragraph on screen')
    await paragraph.click({ position: { x: box.width - 1, y: box.height - 4 } })
    await france.page.keyboard.type(OFFLINE_WORDS)
    await waitForSyncState(france.page, 'offline', /changes? only on this device$/)

    // Meanwhile the chair makes France's delegate an observer: the draft is no longer hers.
    const franceId = await accountIdOf(env.server, 'france')
    const changed = await call(
      env.url,
      await env.server.loginAs('chair'),
      'PATCH',
      `/api/negotiations/ccm/members/${franceId}`,
      { role: 'observer' },
    )
    expect(changed.status).toBe(200)

    await goOnline(france.context)
    // The indicator offers the copy; it is not counted as saved, and the server lacks the words.
    await syncIndicator(france.page).getByRole('button').first().click()
    const popover = france.page.getByRole('dialog', { name: 'Sync status' })
    const copy = popover.locator('.local-copy').filter({ hasText: TITLE })
    await copy.waitFor({ timeout: 15_000 })
    expect(await textOf(copy)).toMatch(/not on the server/)
    const download = france.page.waitForEvent('download')
    await copy.getByRole('button', { name: 'Export', exact: true }).click()
    const file = await (await download).path()
    expect(await readFile(file, 'utf8')).toContain(OFFLINE_WORDS.trim())

    const server = await roomOnServer(env.server, 'germany', room)
    try {
      const wording = server.pmDoc().textContent
      expect(wording).toContain(WORDS)
      expect(wording).not.toContain(OFFLINE_WORDS.trim())
    } finally {
      server.destroy()
    }
  })
})
