import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { startE2E, waitForText, type BrowserUser, type E2EEnvironment } from '../support/browser'

// Issues and a target list of the test's own, so that it reads the same whatever the demo holds.
const PARENT = 'E2E exemptions'
const CHILD = 'E2E self-destruct'
const LIST = 'E2E target list'

describe('the positions matrix', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
    const chair = await env.server.loginAs('chair')
    const ana = await env.server.loginAs('ana')
    const post = async (who: typeof chair, path: string, body: unknown) => {
      const answer = await call(env.url, who, 'POST', `/api/negotiations/ccm${path}`, body)
      if (answer.status !== 201)
        throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`)
    }
    await post(chair, '/issues', { id: 'e2e-exemptions', title: PARENT })
    await post(chair, '/issues', {
      id: 'e2e-self-destruct',
      parentId: 'e2e-exemptions',
      title: CHILD,
    })
    const said = (actorId: string, issueId: string, stance: string) =>
      post(chair, '/statements', {
        target: { kind: 'issue', issueId },
        actorId,
        stance,
        roundId: 'vienna-2007',
        record: 'secretariat',
        provenance: 'reported',
        source: 'E2E source, p. 2',
        quote: `${actorId} on ${issueId}`,
      })
    await said('AUT', 'e2e-self-destruct', 'supports')
    await said('FRA', 'e2e-self-destruct', 'opposes')
    await said('DEU', 'e2e-exemptions', 'supports')
    await post(ana, '/groups/cmc/targets', { id: 'e2e-list', name: LIST, actorIds: ['AUT', 'FRA'] })
  })
  afterAll(() => env?.close())

  const rowsOf = (u: BrowserUser) => u.page.locator('table.matrix tbody tr')

  it('answers who backed the self-destruct claim in Vienna in two clicks from the text', async () => {
    const observer = await env.open('/n/ccm', 'observer')
    const { page } = observer
    await waitForText(page)
    // Click 1: the Positions view. Click 2: the issue's column header.
    await page
      .getByRole('navigation', { name: 'Views of this negotiation' })
      .getByRole('link', { name: 'Positions' })
      .click()
    await page.getByRole('button', { name: CHILD, exact: true }).click()
    const summary = page.getByRole('region', { name: `Who said what on ${PARENT} › ${CHILD}` })
    await summary.waitFor()
    const vienna = summary.locator('.matrix-summary-round', { hasText: 'Vienna Conference' })
    await expect
      .poll(() => vienna.locator('.stance-supports').textContent())
      .toBe(`✓ Supports (2): Austria; said of ${PARENT}: Germany`)
    expect(await vienna.locator('.stance-opposes').textContent()).toBe('✗ Opposes (1): France')
    // The rows narrow to those who said something on it; the address keeps the view.
    expect(await rowsOf(observer).count()).toBe(3)
    expect(new URL(page.url()).searchParams.get('col')).toBe('issue:e2e-self-destruct')

    // A cell opens its entries, with their record, source and provenance.
    await page.getByRole('button', { name: new RegExp(`^Austria on ${PARENT} › ${CHILD}`) }).click()
    const dialog = page.getByRole('dialog', { name: `Austria on ${PARENT} › ${CHILD}` })
    await dialog.waitFor()
    const text = await dialog.textContent()
    expect(text).toContain('Secretariat')
    expect(text).toContain('E2E source, p. 2')
    expect(text).toContain('Reported')
    expect(text).toContain('AUT on e2e-self-destruct')
    await page.keyboard.press('Escape')
    await page.screenshot({ path: '/tmp/plenary-e2e-matrix-who-backed.png', fullPage: true })
    expect(observer.errors).toEqual([])
  })

  it('narrows a campaigner’s rows to her target list, and offers a delegate no such filter', async () => {
    const ana = await env.open('/n/ccm/positions', 'ana')
    await ana.page.getByLabel('Target list', { exact: true }).selectOption({ label: LIST })
    await expect
      .poll(() => rowsOf(ana).locator('.matrix-actor-name').allTextContents())
      .toEqual(['Austria', 'France'])
    expect(new URL(ana.page.url()).searchParams.get('target')).toBe('e2e-list')
    const csv = await ana.page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
    expect(csv).toContain('target=e2e-list')
    await ana.page.screenshot({ path: '/tmp/plenary-e2e-matrix-target.png', fullPage: true })

    const france = await env.open('/n/ccm/positions', 'france')
    await france.page.getByLabel('Region', { exact: true }).waitFor()
    expect(await france.page.getByLabel('Target list', { exact: true }).count()).toBe(0)
    expect(await rowsOf(france).count()).toBeGreaterThan(2)
    expect(ana.errors).toEqual([])
    expect(france.errors).toEqual([])
  })

  it('shows each state’s treaty status in its row, unknown said so rather than “not signed”', async () => {
    const observer = await env.open('/n/ccm/positions', 'observer')
    const row = (name: string) =>
      rowsOf(observer).filter({
        has: observer.page.locator('.matrix-actor-name', { hasText: new RegExp(`^${name}$`) }),
      })
    await row('Afghanistan').waitFor()
    expect(await row('Afghanistan').getByTestId('matrix-treaty').textContent()).toBe(
      'Treaty status: Signed 2008-12-03 · Ratified 2011-09-08',
    )
    expect(await row('France').getByTestId('matrix-treaty').textContent()).toBe(
      'Treaty status: Unknown: not in the partial UNTC list',
    )
    expect(observer.errors).toEqual([])
  })
})
