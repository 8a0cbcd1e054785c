import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'
import { clauseText, connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { seededWords } from '../support/words'

// A change too large to mark word by word is compared paragraph by paragraph, and says so.
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

  it('shows the changes paragraph by paragraph, with a line that says so', async () => {
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
    await expect
      .poll(() => compare.getByTestId('diff-granularity').textContent())
      .toMatch(/^Compared paragraph by paragraph/)
    expect(await compare.locator('[data-testid="diff"] ins').count()).toBeGreaterThan(0)
    await page.screenshot({ path: '/tmp/plenary-history-paragraphs.png' })
    expect(errors).toEqual([])
  })
})
