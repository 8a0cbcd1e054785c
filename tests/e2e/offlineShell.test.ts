import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OFFLINE_MESSAGE } from '../../client/src/api'
import { signInThroughPage, startE2E, type E2EEnvironment } from '../support/browser'
import { DEMO_PASSWORD } from '../support/startServer'

// What this browser keeps for the app: IndexedDB databases and the service worker's caches.
const kept = (page: Page) =>
  page.evaluate(async () => ({
    dbs: (await indexedDB.databases()).map((d) => d.name ?? ''),
    caches: await caches.keys(),
  }))

// The app loads from the service worker offline, refuses commands with one sentence, works
// again once back online, and signing out leaves nothing of the account behind (issue 14).
describe('the app offline', () => {
  let env: E2EEnvironment
  beforeAll(async () => {
    env = await startE2E({ serviceWorkers: 'allow' })
  })
  afterAll(() => env?.close())

  it('loads signed in offline, refuses a command, recovers online, and wipes on sign-out', async () => {
    const { context, page, errors } = await env.openSignedOut('/n/ccm')
    await signInThroughPage(page, 'chair', DEMO_PASSWORD)
    const name = page.locator('[data-testid="whoami"] .whoami-name')
    await expect.poll(() => name.textContent()).toBe('Chair (Norway)')
    // The worker controls the page and has read again what the page read before it did.
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true')
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    const cached = await page.evaluate(async () =>
      (await (await caches.open('plenary-api')).keys()).map((r) => new URL(r.url).pathname),
    )
    expect(cached).toEqual(expect.arrayContaining(['/api/me', '/api/negotiations/ccm']))
    // The members view, read once online (through the worker now).
    await page.getByRole('link', { name: 'Members' }).first().click()
    await page.getByRole('button', { name: 'Create invitation link' }).waitFor()

    await context.setOffline(true)
    await page.reload()
    await page.locator('header.topbar').waitFor()
    await expect.poll(() => name.textContent()).toBe('Chair (Norway)')
    const invite = page.getByRole('region', { name: 'Invite someone' })
    await invite.getByLabel('Role', { exact: true }).selectOption({ label: 'Observer' })
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain(OFFLINE_MESSAGE)

    // Back online, without reloading: the same command reaches the server.
    await context.setOffline(false)
    await page.getByRole('button', { name: 'Create invitation link' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: /Pending invitations/ }).textContent())
      .toMatch(/1/)

    // A database of the account's rooms, as the rooms keep them, to see the sign-out delete it.
    const accountId = await page.evaluate(async () => {
      const { me } = (await (await fetch('/api/me')).json()) as { me: { account: { id: string } } }
      const name = `plenary:${me.account.id}:text/ccm`
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name)
        req.onsuccess = () => {
          req.result.close()
          resolve()
        }
        req.onerror = () => reject(new Error(String(req.error)))
      })
      localStorage.setItem(`plenary.dbs.${me.account.id}`, JSON.stringify([name]))
      return me.account.id
    })
    const before = await kept(page)
    expect(before.dbs).toContain(`plenary:${accountId}:text/ccm`)
    expect(before.caches).toContain('plenary-api')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByLabel('Username').waitFor()
    await expect
      .poll(
        async () => {
          const after = await kept(page)
          return {
            dbs: after.dbs.filter((n) => n.startsWith(`plenary:${accountId}:`)),
            api: after.caches.includes('plenary-api'),
          }
        },
        { timeout: 10_000 },
      )
      .toEqual({ dbs: [], api: false })
    // Answers on their way at sign-out do not bring the cache back.
    await page.waitForTimeout(2_000)
    expect((await kept(page)).caches).not.toContain('plenary-api')
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([])
  })

  it('says Plenary cannot be reached offline with nothing kept, and recovers once online', async () => {
    const { context, page } = await env.open('/n/ccm')
    await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true')
    // Nothing kept of who is signed in: the start needs the server.
    await page.evaluate(() => caches.delete('plenary-api'))
    await context.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { name: 'Plenary cannot be reached' }).waitFor()
    await context.setOffline(false)
    await page.locator('[data-testid="whoami"]').waitFor()
  })

  it('warns before deleting changes only on this device, on sign-out and when the session ends', async () => {
    const { context, page } = await env.open('/n/ccm')
    const whoami = page.locator('[data-testid="whoami"]')
    await whoami.waitFor()
    const accountId = await page.evaluate(async () => {
      const { me } = (await (await fetch('/api/me')).json()) as { me: { account: { id: string } } }
      return me.account.id
    })
    // Two changes of the text room not acknowledged by the server, as the rooms count them.
    const pend = () =>
      page.evaluate(
        (id) => localStorage.setItem(`plenary.pending.${id}`, JSON.stringify({ 'text/ccm': 2 })),
        accountId,
      )
    const pending = () =>
      page.evaluate((id) => localStorage.getItem(`plenary.pending.${id}`), accountId)
    await pend()

    await whoami.getByRole('button', { name: 'Sign out' }).click()
    const warning = page.getByRole('dialog', { name: '2 changes only on this device will be lost' })
    await warning.waitFor()
    await warning.getByRole('button', { name: 'Cancel' }).click()
    await warning.waitFor({ state: 'hidden' })
    expect(await whoami.isVisible()).toBe(true)
    expect(await pending()).not.toBeNull()

    await whoami.getByRole('button', { name: 'Sign out' }).click()
    const download = page.waitForEvent('download')
    await warning.getByRole('button', { name: 'Export local copies' }).click()
    expect((await download).suggestedFilename()).toMatch(/^plenary-local-copies-.*\.json$/)
    await warning.getByRole('button', { name: 'Sign out and delete them' }).click()
    await page.getByLabel('Username').waitFor()
    await expect.poll(pending).toBeNull()

    // Signed in again; the session then ends on the server (its cookie is gone) with changes kept.
    await signInThroughPage(page, 'chair', DEMO_PASSWORD)
    await whoami.waitFor()
    await pend()
    await context.clearCookies()
    // Opening a negotiation from the list asks the server, which answers 401.
    await page.locator('main.picker a').first().click()
    await warning.waitFor()
    await warning.getByRole('button', { name: 'Sign in again' }).click()
    await page.getByLabel('Username').waitFor()
    expect(await pending()).not.toBeNull()
    // The same person signs in: the changes stay, to reach the server through the rooms.
    await signInThroughPage(page, 'chair', DEMO_PASSWORD)
    await whoami.waitFor()
    expect(await pending()).not.toBeNull()

    // The session ends while the page is closed: the next start warns; another person signs in.
    await context.clearCookies()
    await page.goto(new URL('/', env.url).href)
    await warning.getByRole('button', { name: 'Sign in again' }).click()
    await signInThroughPage(page, 'germany', DEMO_PASSWORD)
    await whoami.waitFor()
    await expect.poll(pending).toBeNull()
    // Four sign-ins and three page loads: more than the default minute on a busy machine.
  }, 120_000)
})
