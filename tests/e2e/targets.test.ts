import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, seriousViolations } from '../support/axe'
import { startE2E, type E2EEnvironment } from '../support/browser'

const LIST = 'Pacific outreach before Dublin'
const NOTE = 'Letter to the foreign minister on the Wellington Declaration'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Views of this negotiation' })
const section = (page: Page) => page.locator('section.target-list').filter({ hasText: LIST })

// What the API answers this page's session, fetched from inside the page as its scripts would.
const fetchAs = (page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' })
    return { status: res.status, body: await res.text() }
  }, path)

// Issue 12, item 5: a campaign group's target lists and its actions with each state, private to
// the group (UI and API) from other groups, delegates, observers and the chair.
describe('campaign target lists', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('lets Ana (CMC) create a list of two states and log a letter to one of them', async () => {
    const ana = await env.open('/n/ccm/targets', 'ana')
    const { page } = ana
    await page.getByTestId('targets-privacy').waitFor()
    expect(await nav(page).getByRole('link').allTextContents()).toContain('Targets')
    expect(await page.getByTestId('targets-privacy').textContent()).toBe(
      'Private to Cluster Munition Coalition: other groups, delegations, observers and the chair cannot see these lists.',
    )

    await page.getByRole('button', { name: 'New list' }).click()
    const form = page.getByRole('form', { name: 'New target list' })
    await form.getByLabel('Name', { exact: true }).fill(LIST)
    await form.getByLabel('Description').fill('Small states to bring to Dublin.')
    const add = form.getByRole('combobox', { name: 'Add a state' })
    for (const state of ['Fiji', 'Samoa']) {
      await add.fill(state)
      await form.getByRole('option', { name: new RegExp(`^${state}`) }).waitFor()
      await add.press('Enter')
    }
    expect(await form.getByRole('list', { name: 'Chosen' }).textContent()).toContain('Samoa')
    await form.getByRole('button', { name: 'Create list' }).click()

    const list = section(page)
    await list.locator('tr[data-actor-id="WSM"]').waitFor()
    expect(await list.locator('tbody th').allTextContents()).toEqual(['Fiji', 'Samoa'])
    expect(await list.getByRole('heading').textContent()).toContain('2 states')

    await list.getByRole('button', { name: 'Actions (0) with Fiji' }).click()
    const log = list.getByRole('form', { name: 'Log an action with Fiji' })
    await log.getByLabel('Action').selectOption('letter')
    await log.getByLabel('Date').fill('2008-03-10')
    await log.getByLabel('Note').fill(NOTE)
    await log.getByRole('button', { name: 'Log action' }).click()
    await expect
      .poll(() => list.getByTestId('campaign-action').allTextContents())
      .toEqual([`Letter 2008-03-10 — ${NOTE} (Ana (CMC))`])

    // The server keeps it: a fresh load shows the list, its states and the letter.
    await page.reload()
    await section(page).locator('tr[data-actor-id="FJI"]').waitFor()
    expect(await section(page).locator('tr[data-actor-id="FJI"]').textContent()).toContain(
      'Letter 2008-03-10',
    )
    expect(ana.errors).toEqual([])
  })

  it("shows the CMC's lists from the report with each state's stance, treaty status and endorsements, accessibly", async () => {
    const { page, errors } = await env.open('/n/ccm/targets', 'ana')
    const list1 = page.locator('section.target-list').filter({ hasText: 'List 1' })
    await list1.locator('tr[data-actor-id="AFG"]').waitFor()
    expect(await list1.getByRole('heading').textContent()).toContain('23 states')
    expect(await list1.locator('.prov').first().textContent()).toContain('Reported')
    const afg = list1.locator('tr[data-actor-id="AFG"]')
    expect(await afg.getByTestId('treaty-status').textContent()).toBe(
      'Signed 2008-12-03 · Ratified 2011-09-08',
    )
    await page.getByLabel('Show each state’s current stance on').selectOption({ index: 1 })
    await afg.getByTestId('stance').first().waitFor()
    await afg.getByRole('button', { name: /^Actions \(\d+\) with Afghanistan/ }).click()
    await list1.getByRole('form', { name: 'Log an action with Afghanistan' }).waitFor()
    await page.screenshot({ path: '/tmp/plenary-e2e-targets.png', fullPage: true })
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
      expect(describeViolations(await seriousViolations(page)), colorScheme).toEqual([])
    }
    await page.setViewportSize({ width: 390, height: 844 })
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/plenary-e2e-targets-390.png' })
    expect(errors).toEqual([])
  })

  it('shows nothing of the list to another group, a delegate, the observer or the chair: no view, 403 from the API', async () => {
    // The list exists (the test above, or made here when this test runs alone).
    const ana = await env.open('/n/ccm/actors', 'ana')
    const own = await fetchAs(ana.page, '/api/negotiations/ccm/groups/cmc/targets')
    expect(own.status).toBe(200)
    if (!own.body.includes(LIST)) {
      const made = await ana.context.request.post(
        new URL('/api/negotiations/ccm/groups/cmc/targets', env.url).href,
        { headers: { origin: env.url }, data: { name: LIST, actorIds: ['FJI', 'WSM'] } },
      )
      expect(made.status()).toBe(201)
    }

    // Hana campaigns for another group: her Targets view holds her group's lists, none of CMC's.
    const hana = await env.open('/n/ccm/targets', 'hana')
    await hana.page.getByTestId('targets-privacy').waitFor()
    expect(await hana.page.getByTestId('targets-privacy').textContent()).toContain(
      'Private to Human Rights Watch',
    )
    await hana.page.getByText('No target list yet').waitFor()
    expect(await hana.page.locator('body').textContent()).not.toContain(LIST)

    for (const who of ['hana', 'france', 'observer', 'chair']) {
      const { page, errors } = await env.open('/n/ccm/actors', who)
      // Once the treaty status shows, everything of GET .../stances has come in.
      await page
        .locator('[data-testid="participants"] tr[data-actor-id="FRA"]')
        .getByTestId('treaty-status')
        .waitFor()
      const views = await nav(page).getByRole('link').allTextContents()
      expect(views, who).toContain('Actors')
      if (who !== 'hana') expect(views, who).not.toContain('Targets')
      // Nothing of the list on the page, not even as a filter of the actors table.
      expect(await page.locator('body').textContent(), who).not.toContain(LIST)
      expect(await page.getByLabel('Target list').count(), who).toBe(0)

      for (const path of ['targets', 'targets.csv', 'actions', 'actions?actor=FJI']) {
        const answer = await fetchAs(page, `/api/negotiations/ccm/groups/cmc/${path}`)
        expect(answer.status, `${who} ${path}`).toBe(403)
        expect(JSON.parse(answer.body).error.code, `${who} ${path}`).toBe('forbidden')
        expect(answer.body, `${who} ${path}`).not.toContain(LIST)
        expect(answer.body, `${who} ${path}`).not.toContain(NOTE)
      }
      const stances = await fetchAs(page, '/api/negotiations/ccm/stances')
      expect(stances.status, who).toBe(200)
      expect(stances.body, who).not.toContain(LIST)
      // The browser logs the 403s asked for above; nothing else may fail.
      expect(
        errors.filter((e) => !/status of 403/.test(e)),
        who,
      ).toEqual([])
      await page.close()
    }
  }, 180_000)
})
