import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { describeViolations, seriousViolations } from '../support/axe'
import { selectWords, startE2E, waitForText, type E2EEnvironment } from '../support/browser'

// The serious and critical violations of a page in the light and the dark colour scheme.
async function bothSchemes(page: Page): Promise<string[]> {
  const lines: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    // Let styles that follow the scheme apply before axe measures contrast.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
    const found = describeViolations(await seriousViolations(page))
    lines.push(...found.map((line) => `[${colorScheme}] ${line}`))
  }
  return lines
}

// Every page of Plenary, in both colour schemes, with no serious or critical axe-core finding.
describe('axe-core over every page', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('sign-in page', async () => {
    const { page } = await env.openSignedOut('/signin')
    await page.getByLabel('Username').waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })

  it('invitation page', async () => {
    const chair = await env.server.loginAs('chair')
    const created = await call(env.url, chair, 'POST', '/api/negotiations/ccm/invitations', {
      role: 'delegate',
      actorId: 'AUT',
    })
    const { page } = await env.openSignedOut(created.body.invitation.url as string)
    await page.getByTestId('invited-role').waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })

  it('negotiation list', async () => {
    const { page } = await env.open('/', 'chair')
    await page.getByRole('link', { name: /Convention on Cluster Munitions/ }).waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })

  it('text as the chair', async () => {
    const { page } = await env.open('/n/ccm', 'chair')
    await waitForText(page)
    expect(await bothSchemes(page)).toEqual([])
  })

  it('text as a delegate, and the propose dialog with its co-sponsor list open', async () => {
    const found: string[] = []
    const { page } = await env.open('/n/ccm', 'germany')
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    found.push(...(await bothSchemes(page)))
    await selectWords(page, 1, 'each weighing less than 20 kilograms')
    await page.keyboard.press('Control+Alt+a')
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Find a co-sponsor').fill('Fr')
    await dialog.getByRole('option', { name: /France/ }).waitFor()
    found.push(...(await bothSchemes(page)))
    expect(found).toEqual([])
  })

  it('text as a campaigner: the proposals panel and the notes tab', async () => {
    const found: string[] = []
    const { page } = await env.open('/n/ccm', 'ana')
    await waitForText(page)
    await page.getByRole('button', { name: /^Art\. 2\s/ }).click()
    found.push(...(await bothSchemes(page)))
    await page.getByRole('tab', { name: /Notes/ }).click()
    found.push(...(await bothSchemes(page)))
    expect(found).toEqual([])
  })

  it('text as an observer, with the search dialog showing hits', async () => {
    const { page } = await env.open('/n/ccm', 'observer')
    await waitForText(page)
    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox').or(dialog.getByRole('searchbox')).first().fill('cluster')
    await dialog.getByRole('listbox').getByRole('option').first().waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })

  it('report to capital', async () => {
    const { page } = await env.open('/n/ccm/report', 'germany')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await bothSchemes(page)).toEqual([])
  })

  it('history of Art. 2', async () => {
    const { page } = await env.open('/n/ccm/articles/art-2/history', 'chair')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.waitForLoadState('networkidle')
    expect(await bothSchemes(page)).toEqual([])
  })

  it('rounds, and a closed round’s text', async () => {
    const found: string[] = []
    const chair = await env.server.loginAs('chair')
    const closed = await call(
      env.url,
      chair,
      'POST',
      '/api/negotiations/ccm/rounds/dublin-2008/close',
      {},
    )
    expect(closed.status).toBe(200)
    const { page } = await env.open('/n/ccm/rounds', 'chair')
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.waitForLoadState('networkidle')
    found.push(...(await bothSchemes(page)))
    await page.goto(new URL('/n/ccm/rounds/dublin-2008/text', env.url).href)
    await page.locator('section.article').first().waitFor()
    found.push(...(await bothSchemes(page)))
    expect(found).toEqual([])
  })

  it('actors', async () => {
    const { page } = await env.open('/n/ccm/actors', 'chair')
    await page.getByRole('table').first().waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })

  it('members', async () => {
    const { page } = await env.open('/n/ccm/members', 'chair')
    await page.getByTestId('members').locator('tr[data-account="observer"]').waitFor()
    expect(await bothSchemes(page)).toEqual([])
  })
})
