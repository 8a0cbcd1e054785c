import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { seededWords } from '../support/words'

// A very large change is shown paragraph by paragraph: clauses that grew by 3,000 words are no
// longer the clauses they were, so each shows deleted whole and then inserted whole.
describe('the history of an article with a very large change', () => {
  let env: E2EEnvironment
  const clients: CollabClient[] = []

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await env?.close()
  })

  it('shows each clause that grew by 3,000 words deleted whole, then inserted whole', async () => {
    // The chair inserts 3,000 words at the start of Article 5 and 3,000 at its end.
    const connect = async (who: string) => {
      const token = await env.server.tokenFor(who)
      const client = connectClient(env.server.wsUrl, 'ccm/text', { token })
      clients.push(client)
      await client.synced()
      return client
    }
    const [chair, observer] = [await connect('chair'), await connect('observer')]
    const article = () => chair.doc.getXmlFragment(TEXT_FRAGMENT).get(6) as Y.XmlElement
    const first = clauseText(chair.doc, 4, 1)
    const last = clauseText(chair.doc, 4, article().length - 1)
    first.insert(0, `${seededWords(3000, 5)} `)
    last.insert(last.length, ` ${seededWords(3000, 6)}`)
    const length = (c: CollabClient) =>
      (c.doc.getXmlFragment(TEXT_FRAGMENT).get(6) as Y.XmlElement).toString().length
    await waitFor('the edits at the observer', () => length(observer) === length(chair))

    const { page, errors } = await env.open('/n/ccm', 'observer')
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 5\s/ }).click()
    await page
      .getByRole('navigation', { name: 'Views of this negotiation' })
      .getByRole('link', { name: 'History' })
      .click()
    await page.waitForURL(/\/n\/ccm\/articles\/[^/]+\/history$/)
    const compare = page.locator('.diff-compare')
    await compare.getByLabel('To', { exact: true }).selectOption('current')
    const paragraph = (op: string) => compare.locator(`[data-testid="diff"] [data-op="${op}"]`)
    await expect.poll(() => paragraph('insert').count()).toBe(2)
    expect(await paragraph('delete').count()).toBe(2)
    expect(await paragraph('changed').count()).toBe(0)
    // Each grown clause is one insertion holding its 3,000 words, not words strewn among others.
    for (const inserted of await paragraph('insert').locator('ins').allTextContents()) {
      expect(inserted.split(' ').length).toBeGreaterThan(3000)
    }
    await page.screenshot({ path: '/tmp/plenary-history-paragraphs.png' })
    expect(errors).toEqual([])
  })
})
