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
})
