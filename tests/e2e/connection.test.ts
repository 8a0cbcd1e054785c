import type { WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'
import { CloseCode } from '../../shared/collab'

// What the user is told about the connection, including a refusal of an outdated client.
describe('connection status', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('says "Connected" once the text room is synced', async () => {
    const { page } = await env.open('/n/ccm')
    await expect
      .poll(() => page.locator('.connection').getAttribute('data-status'))
      .toBe('connected')
    expect(await page.locator('.connection').textContent()).toBe('Connected')
    // The header's sync indicator says so in its words, and its popover lists the text room.
    const indicator = page.locator('.sync-indicator')
    await expect.poll(() => indicator.getAttribute('data-sync')).toBe('saved')
    const button = indicator.locator('.sync-button')
    expect(await button.textContent()).toBe('All saved on the server')
    await button.click()
    const popover = page.getByRole('dialog', { name: 'Sync status' })
    await popover.waitFor()
    expect(await popover.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    const text = popover.locator('.sync-room[data-room="ccm/text"]')
    expect(await text.textContent()).toContain('All saved on the server')
    expect(await text.textContent()).toContain('Kept on this device')
    const keep = popover.getByLabel('Keep drafts and group notes on this device')
    expect(await keep.isChecked()).toBe(false)
    await page.keyboard.press('Escape')
    await expect.poll(() => popover.isVisible()).toBe(false)
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('asks to reload when the server refuses an outdated schema', async () => {
    const context = await env.signedInContext()
    const page = await context.newPage()
    // Stand in for a newer server: refuse every collab connection as the real one would.
    await page.routeWebSocket(/\/collab\//, (ws) =>
      ws.close({ code: CloseCode.SchemaOutdated, reason: 'Schema outdated' }),
    )
    await page.goto(new URL('/n/ccm', env.url).href)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Plenary was updated')
    expect(await page.locator('.connection').getAttribute('data-status')).toBe('outdated')
  })

  it('shows "Offline" when the connection drops, and "Connected" once it is back', async () => {
    const context = await env.signedInContext()
    const page = await context.newPage()
    const sockets: WebSocketRoute[] = []
    let reachable = true
    // Pass the sockets through to the real server, but let the test cut them (a network loss).
    await page.routeWebSocket(/\/collab\//, (ws) => {
      if (!reachable) return ws.close({ code: 1006, reason: 'unreachable' })
      ws.connectToServer()
      sockets.push(ws)
    })
    await page.goto(new URL('/n/ccm', env.url).href)
    const status = () => page.locator('.connection').getAttribute('data-status')
    // Sockets through the test's route take longer to open on a busy machine.
    await expect.poll(status, { timeout: 10_000 }).toBe('connected')
    await waitForText(page)

    reachable = false
    for (const ws of sockets) await ws.close({ code: 1006, reason: 'lost' })
    await expect.poll(status).toBe('offline')
    expect(await page.locator('.connection').textContent()).toContain('Offline')
    const sync = () => page.locator('.sync-indicator').getAttribute('data-sync')
    await expect.poll(sync).toBe('offline')
    expect(await page.locator('.sync-button').textContent()).toMatch(/^Offline since \d\d:\d\d$/)
    // The text stays on screen and editable while offline.
    expect(await page.locator('.ProseMirror section.article').count()).toBe(23)

    reachable = true
    await expect.poll(status, { timeout: 10_000 }).toBe('connected')
    await expect.poll(sync, { timeout: 10_000 }).toBe('saved')
    // The way back was announced as a change of state.
    expect(await page.getByTestId('sync-announcer').textContent()).toBe('All saved on the server')
  })

  it('lists the negotiations and opens one from the list', async () => {
    const { page } = await env.open('/')
    await page.getByRole('link', { name: 'Convention on Cluster Munitions' }).click()
    await page.locator('.ProseMirror section.article').first().waitFor()
    expect(new URL(page.url()).pathname).toBe('/n/ccm')
    // The demo's rounds are the Oslo Process conferences, in order, Dublin the open one.
    const rounds = page.getByTestId('rounds').locator('.round-place')
    await expect
      .poll(() => rounds.allTextContents())
      .toEqual(['Oslo', 'Lima', 'Vienna', 'Wellington', 'Dublin (open)'])
  })
})
