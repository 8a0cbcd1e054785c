import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { startE2E, type E2EEnvironment } from '../support/browser'
import { connectClient, type CollabClient } from '../support/collabClient'
import { docxParagraphs } from '../support/docx'
import { proposeAs } from '../support/report'

const TABLED = 'France: a narrower definition'

describe('the report to capital in the browser', () => {
  let env: E2EEnvironment
  const clients: CollabClient[] = []

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await env?.close()
  })

  it('lets germany pick a time, read the proposal France tabled since, and download it as DOCX', async () => {
    const server = env.server
    const before = new Date(Date.now() - 60_000).toISOString()
    await proposeAs(
      async (who, method, path, body) =>
        call(
          server.url,
          { token: await server.tokenFor(who) },
          method,
          `/api/negotiations/ccm${path}`,
          body,
        ),
      async (who, room) => {
        const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
        clients.push(client)
        await client.synced()
        return client
      },
      'france',
      {
        articleId: 'art-2',
        quote: '“Cluster munition”',
        title: TABLED,
        wording: 'a narrower definition of cluster munition',
      },
    )

    const { page, errors } = await env.open('/n/ccm', 'germany')
    await page
      .getByRole('navigation', { name: 'Views of this negotiation' })
      .getByRole('link', { name: 'Report' })
      .click()
    await page.waitForURL(/\/n\/ccm\/report$/)
    // The time field takes the browser's local time, to the minute.
    const local = await page.evaluate((iso) => {
      const d = new Date(iso)
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    }, before)
    await page.getByLabel('Since this time').fill(local)
    expect(await page.getByRole('radio', { name: 'a time' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: 'Show the report' }).click()

    const report = page.getByTestId('report')
    const article2 = report.locator('section[data-article-id="art-2"]')
    await article2.waitFor()
    expect(await article2.getByRole('heading', { level: 4 }).textContent()).toMatch(/^Article 2/)
    expect(await article2.textContent()).toContain(`Tabled: P`)
    expect(await article2.textContent()).toContain(`“${TABLED}”`)
    await page.screenshot({ path: '/tmp/plenary-report.png', fullPage: true })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as Word (DOCX)' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^ccm-report-\d{4}-\d{2}-\d{2}\.docx$/)
    const file = await download.path()
    const paragraphs = await docxParagraphs(new Uint8Array(fs.readFileSync(file)))
    expect(paragraphs.join('\n')).toContain(`“${TABLED}”`)
    expect(errors).toEqual([])
  })
})
