import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRESENCE_BOUNDS } from '../../shared/collab/presence'
import { connectClient, type CollabClient } from '../support/collabClient'
import { startE2E, waitForText, type BrowserUser, type E2EEnvironment } from '../support/browser'

describe('a conference room: readers past the bound counted', () => {
  let env: E2EEnvironment
  let chair: BrowserUser
  const readers: CollabClient[] = []

  beforeAll(async () => {
    env = await startE2E()
    chair = await env.open('/n/ccm', 'chair')
    await waitForText(chair.page)
  })
  afterAll(async () => {
    readers.forEach((r) => r.destroy())
    await env?.close()
  })

  it('says "and N more following" and "N reading" in the outline', async () => {
    const ids = await chair.page
      .locator('[data-article-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')))
    const [first, second] = ids as string[]
    const total = PRESENCE_BOUNDS.listedReaders + 7
    for (let i = 0; i < total; i++) {
      const username = i < 19 ? 'observer' : 'france'
      const client = connectClient(env.server.wsUrl, 'ccm/text', {
        token: await env.server.tokenFor(username),
      })
      readers.push(client)
      await client.synced()
      client.provider.awareness.setLocalState({
        user: { name: `Reader ${i} (synthetic)`, color: '#0f7b4b' },
        article: i < PRESENCE_BOUNDS.listedReaders ? first : i < total - 3 ? second : first,
      })
    }
    const more = chair.page.getByTestId('presence-more')
    await expect.poll(() => more.textContent(), { timeout: 10_000 }).toBe('and 7 more following')
    const secondRow = chair.page.locator(`[data-article-id="${second}"]`)
    await expect.poll(() => secondRow.getByTestId('reading-count').textContent()).toBe('4 reading')
    const firstRow = chair.page.locator(`[data-article-id="${first}"]`)
    await expect.poll(() => firstRow.getByTestId('reading-count').textContent()).toBe('28 reading')
    expect(await chair.page.getByTestId('presence').locator('li').count()).toBe(
      PRESENCE_BOUNDS.listedReaders + 1,
    )
    expect(chair.errors).toEqual([])
  })
})
