import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SqliteStorage } from '../../server/src/storage/sqlite/SqliteStorage'
import { openPage, startE2E, waitForText, type E2EEnvironment } from '../support/browser'

// Opening the text must not make the server read a long history twice (issue 15): the page's
// drafts list is read against the text, so it is asked for once the text is open on the server,
// whose live document then answers it. Counted at the storage the in-process server reads.
describe('opening the text', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('loads the text from storage once for the chair’s page, drafts list included', async () => {
    const whole = vi.spyOn(SqliteStorage.prototype, 'loadRoom')
    const state = vi.spyOn(SqliteStorage.prototype, 'loadRoomState')
    try {
      const context = await env.signedInContext('chair')
      const drafts = context.waitForEvent('response', {
        predicate: (r) => new URL(r.url()).pathname === '/api/negotiations/ccm/proposals',
      })
      const chair = await openPage(context, new URL('/n/ccm', env.url).href)
      await waitForText(chair.page)
      expect((await drafts).status()).toBe(200)
      const reads = [...whole.mock.calls, ...state.mock.calls].filter(
        ([room]) => room === 'ccm/text',
      )
      expect(reads).toHaveLength(1)
      expect(chair.errors).toEqual([])
    } finally {
      whole.mockRestore()
      state.mockRestore()
    }
  }, 60_000)

  it('shows the text page without a second “Loading…” once its scripts are in', async () => {
    const context = await env.signedInContext('chair')
    // The session is answered once the page's chunks (fetched ahead, with it) have arrived.
    const chunk = (name: string) =>
      context.waitForEvent('response', {
        predicate: (r) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(r.url()),
      })
    const chunks = Promise.all([chunk('NegotiationPage'), chunk('TextWorkspace')])
    await context.route('**/api/me', async (route) => {
      await chunks
      await route.continue()
    })
    // Each “Loading…” put into the page: the session's own, and any page that suspended.
    await context.addInitScript({
      content: `(() => {
        window.__loadingShown = 0
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes)
              if (n.nodeType === 1 && n.matches('p.loading')) window.__loadingShown++
        }).observe(document, { childList: true, subtree: true })
      })()`,
    })
    const chair = await openPage(context, new URL('/n/ccm', env.url).href)
    await waitForText(chair.page)
    const shown = await chair.page.evaluate(
      () => (window as unknown as { __loadingShown: number }).__loadingShown,
    )
    // React shows a suspended page's fallback for at least 300 ms (issue 15).
    expect(shown).toBe(1)
    expect(chair.errors).toEqual([])
  }, 60_000)
})
