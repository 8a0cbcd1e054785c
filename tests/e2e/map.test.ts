import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { call } from '../support/api'
import { describeViolations, seriousViolations } from '../support/axe'
import { startE2E, type BrowserUser, type E2EEnvironment } from '../support/browser'

// The demo's issue and round (fixtures/vienna-report): the report names six states calling for
// transition periods and the CMC, the ICRC and Norway opposing them.
const ISSUE = 'Transition periods for banned weapons'
const VIENNA = 'Vienna Conference on Cluster Munitions'
const SUPPORTERS = ['CHE', 'DEU', 'FRA', 'GBR', 'JPN', 'SVK']

// The serious and critical axe-core findings of a page in the light and the dark scheme.
async function axeBothSchemes(page: Page): Promise<string[]> {
  const lines: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
    lines.push(
      ...describeViolations(await seriousViolations(page)).map((l) => `[${colorScheme}] ${l}`),
    )
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return lines
}

describe('the map of who stands where', () => {
  let env: E2EEnvironment
  let user: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    user = await env.open('/n/ccm/map', 'observer')
    const { page } = user
    const controls = page.getByRole('group', { name: 'What the map shows' })
    await controls.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE })
    await controls.getByLabel('Round', { exact: true }).selectOption({ label: VIENNA })
    await page.locator('path[data-actor="FRA"]').waitFor()
  })
  afterAll(() => env?.close())

  it('fills France with the supports colour and names it "supports" for screen readers', async () => {
    const { page } = user
    const france = page.locator('path[data-actor="FRA"]')
    expect(await france.getAttribute('aria-label')).toBe('France: supports')
    await expect
      .poll(() => page.getByRole('button', { name: 'France: supports', exact: true }).count())
      .toBe(1)
    const fill = await france.evaluate((el) => getComputedStyle(el).fill)
    const supports = await page
      .locator('.map-legend .map-fill-supports')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    const opposes = await page
      .locator('.map-legend .map-fill-opposes')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(fill).toBe(supports)
    expect(
      await page.locator('path[data-actor="NOR"]').evaluate((el) => getComputedStyle(el).fill),
    ).toBe(opposes)
    // A state with nothing recorded is grey and no button: unknown, not neutral.
    expect(await page.locator('path[data-actor="AUT"]').count()).toBe(0)
    expect(user.errors).toEqual([])
  })

  it('reaches the states with Tab, in the order of their names, and opens one with Enter', async () => {
    const { page } = user
    await page
      .getByRole('group', { name: 'What the map shows' })
      .getByLabel('Show', { exact: true })
      .focus()
    await page.keyboard.press('Tab')
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement
        return `${el?.getAttribute('data-actor') ?? el?.tagName}|${el?.getAttribute('aria-label') ?? el?.textContent}`
      })
    expect(await focused()).toBe('BUTTON|Show as table')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('FRA|France: supports')
    await page.keyboard.press('Tab')
    expect(await focused()).toBe('DEU|Germany: supports')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')

    const entries = page.getByRole('region', { name: `France on ${ISSUE}` })
    await entries.waitFor()
    expect(await focused()).toBe(`H3|France on ${ISSUE}`)
    const entry = entries.getByTestId('map-entry')
    expect(await entry.count()).toBe(1)
    const text = await entry.textContent()
    expect(text).toContain('Supports')
    expect(text).toContain('Reported')
    expect(text).toContain('CMC report on the Vienna Conference')
    expect(text).toContain('Called for transition periods')
    expect(text).toContain(VIENNA)

    // Closing gives the focus back to France on the map.
    await entries.getByRole('button', { name: 'Close' }).click()
    expect(await page.getByRole('region', { name: `France on ${ISSUE}` }).count()).toBe(0)
    expect(await focused()).toBe('FRA|France: supports')
  })

  it('lists the organisations beside the map, the same stances in the table, and counts per region', async () => {
    const { page } = user
    const organisations = page.getByTestId('map-organisations')
    expect(
      await organisations
        .getByRole('button')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label'))),
    ).toEqual(['Cluster Munition Coalition: opposes', 'ICRC: opposes'])

    // A visible button for everyone (fc0039b), which a keyboard or screen reader user opens too.
    const toggle = page.getByRole('button', { name: 'Show as table' })
    expect(await toggle.isVisible()).toBe(true)
    await toggle.focus()
    await page.keyboard.press('Enter')
    const table = page.getByTestId('map-table')
    await table.waitFor()
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map(
          (tr) =>
            `${tr.getAttribute('data-actor')}:${tr.querySelector('td .visually-hidden')?.textContent}`,
        ),
      )
    expect(rows.sort()).toEqual(
      [
        ...SUPPORTERS.map((id) => `${id}:supports`),
        'NOR:opposes',
        'cmc:opposes',
        'icrc:opposes',
      ].sort(),
    )
    expect(await table.locator('tr[data-actor="FRA"]').textContent()).toContain('Reported')

    const europe = page.getByTestId('map-by-region').locator('tr[data-region="Europe"]')
    expect(await europe.locator('td[data-stance="supports"]').textContent()).toBe('5')
    expect(await europe.locator('td[data-stance="opposes"]').textContent()).toBe('1')
    const asia = page.getByTestId('map-by-region').locator('tr[data-region="Asia"]')
    expect(await asia.locator('td[data-stance="supports"]').textContent()).toBe('1')
    // Slovakia sits in Europe but in the Eastern European Group, not with the other four.
    const group = (name: string) =>
      page
        .getByTestId('map-by-group')
        .locator(`tr[data-region="${name}"] td[data-stance="supports"]`)
        .textContent()
    expect(await group('Western European and Others Group')).toBe('4')
    expect(await group('Eastern European Group')).toBe('1')
    expect(await group('Asia and the Pacific Group')).toBe('1')

    expect(await axeBothSchemes(page)).toEqual([])
    expect(user.errors).toEqual([])
  })

  it('lets a campaigner fade the states off a target list, which an observer is not offered', async () => {
    const { page } = user
    const controls = page.getByRole('group', { name: 'What the map shows' })
    expect(await controls.getByLabel('Target list', { exact: true }).count()).toBe(0)

    const ana = await env.open('/n/ccm/map', 'ana')
    const anaControls = ana.page.getByRole('group', { name: 'What the map shows' })
    await anaControls.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE })
    await anaControls.getByLabel('Round', { exact: true }).selectOption({ label: VIENNA })
    await anaControls
      .getByLabel('Target list', { exact: true })
      .selectOption({ label: 'List 2: counter policy arguments' })
    const norway = ana.page.locator('path[data-actor="NOR"]')
    await expect
      .poll(() => norway.getAttribute('aria-label'))
      .toBe('Norway: opposes — not on the target list')
    expect(await norway.getAttribute('class')).toContain('is-dimmed')
    expect(await ana.page.locator('path[data-actor="FRA"]').getAttribute('class')).not.toContain(
      'is-dimmed',
    )
    // The counts are of the list's states only: Europe's five supporters, Norway left out.
    const europe = ana.page.getByTestId('map-by-region').locator('tr[data-region="Europe"]')
    expect(await europe.locator('td[data-stance="supports"]').textContent()).toBe('5')
    expect(await europe.locator('td[data-stance="opposes"]').textContent()).toBe('0')
    expect(ana.errors).toEqual([])
  })

  it('marks a synthetic entry on the map, in the table and in the entry, and shows disagreeing records', async () => {
    const statement = async (who: string, body: object) => {
      const answer = await call(
        env.server.url,
        { token: await env.server.tokenFor(who) },
        'POST',
        '/api/negotiations/ccm/statements',
        body,
      )
      expect(answer.status).toBe(201)
    }
    const base = {
      target: { kind: 'issue', issueId: 'transition-periods' },
      roundId: 'vienna-2007',
    }
    await statement('chair', {
      ...base,
      actorId: 'AUT',
      stance: 'concerns',
      provenance: 'synthetic',
      quote: 'Made up for this test.',
      record: 'secretariat',
    })
    await statement('ana', { ...base, actorId: 'FRA', stance: 'concerns', record: 'group:cmc' })

    const ana = await env.open('/n/ccm/map', 'ana')
    const controls = ana.page.getByRole('group', { name: 'What the map shows' })
    await controls.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE })
    await controls.getByLabel('Round', { exact: true }).selectOption({ label: VIENNA })
    const austria = ana.page.locator('path[data-actor="AUT"]')
    await austria.waitFor()
    expect(await austria.getAttribute('aria-label')).toBe('Austria: concerns — Synthetic')
    expect(await austria.getAttribute('class')).toContain('is-synthetic')
    expect(await ana.page.getByTestId('map-synthetic').textContent()).toMatch(
      /Synthetic.*Made up, not from any source: Austria/,
    )
    await austria.focus()
    await ana.page.keyboard.press('Enter')
    const entry = ana.page
      .getByRole('region', { name: `Austria on ${ISSUE}` })
      .getByTestId('map-entry')
    expect(await entry.locator('[data-provenance="synthetic"]').textContent()).toContain(
      'Synthetic',
    )

    // Ana's group heard France voice concerns; the secretariat's record says it supports.
    const france = ana.page.locator('path[data-actor="FRA"]')
    expect(await france.getAttribute('data-stance')).toBe('mixed')
    expect(await france.getAttribute('aria-label')).toBe(
      'France: records disagree (Secretariat: supports; Cluster Munition Coalition: concerns)',
    )
    await controls.getByLabel('Records', { exact: true }).selectOption('secretariat')
    await expect.poll(() => france.getAttribute('data-stance')).toBe('supports')

    // The observer sees nothing of the group's private entry.
    await user.page.reload()
    const observer = user.page.getByRole('group', { name: 'What the map shows' })
    await observer.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE })
    await observer.getByLabel('Round', { exact: true }).selectOption({ label: VIENNA })
    await user.page.locator('path[data-actor="AUT"]').waitFor()
    expect(await user.page.locator('path[data-actor="FRA"]').getAttribute('data-stance')).toBe(
      'supports',
    )
    await user.page.getByRole('button', { name: 'Show as table' }).focus()
    await user.page.keyboard.press('Enter')
    const row = user.page.getByTestId('map-table').locator('tr[data-actor="AUT"]')
    expect(await row.locator('[data-provenance="synthetic"]').count()).toBe(1)
    expect(ana.errors).toEqual([])
  })

  it('colours states by treaty status, unknown grey and named unknown, and shows it in the entries and the table', async () => {
    const observer = await env.open('/n/ccm/map', 'observer')
    const { page } = observer
    const controls = page.getByRole('group', { name: 'What the map shows' })
    await controls.getByLabel('Issue', { exact: true }).selectOption({ label: ISSUE })
    await controls.getByLabel('Round', { exact: true }).selectOption({ label: VIENNA })
    await page.locator('path[data-actor="FRA"]').waitFor()
    expect(await controls.getByLabel('Colour by', { exact: true }).inputValue()).toBe('stance')

    // In the stance map, France's entries and its table row say its treaty status is unknown.
    await page.locator('path[data-actor="FRA"]').focus()
    await page.keyboard.press('Enter')
    const france = page.getByRole('region', { name: `France on ${ISSUE}` })
    expect(await france.getByTestId('map-treaty').textContent()).toBe(
      'Treaty status: Unknown: not in the partial UNTC list',
    )
    await france.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('button', { name: 'Show as table' }).focus()
    await page.keyboard.press('Enter')
    const table = page.getByTestId('map-table')
    expect(
      await table.locator('tr[data-actor="FRA"] [data-testid="map-table-treaty"]').textContent(),
    ).toBe('Unknown: not in the partial UNTC list')

    await controls.getByLabel('Colour by', { exact: true }).selectOption({ label: 'Treaty status' })
    const afghanistan = page.locator('path[data-actor="AFG"]')
    await afghanistan.waitFor()
    expect(await afghanistan.getAttribute('data-paint')).toBe('ratified')
    expect(await afghanistan.getAttribute('aria-label')).toBe(
      'Afghanistan: treaty status Signed 2008-12-03 · Ratified 2011-09-08',
    )
    // France is not in the partial list: grey and no button, named unknown in the legend.
    expect(await page.locator('path[data-actor="FRA"]').count()).toBe(0)
    const legend = await page.getByRole('group', { name: 'Legend' }).textContent()
    expect(legend).toContain('Unknown: not in the partial UNTC list')
    expect(legend).not.toMatch(/not signed/i)
    const fill = await afghanistan.evaluate((el) => getComputedStyle(el).fill)
    const ratified = await page
      .locator('.map-legend .map-fill-ratified')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(fill).toBe(ratified)
    expect(await table.locator('tr[data-actor="AFG"]').textContent()).toContain(
      'Signed 2008-12-03 · Ratified 2011-09-08',
    )
    expect(await table.locator('tr[data-actor="FRA"]').count()).toBe(0)

    await afghanistan.focus()
    await page.keyboard.press('Enter')
    const entries = page.getByRole('region', { name: `Afghanistan on ${ISSUE}` })
    expect(await entries.getByTestId('map-treaty').textContent()).toBe(
      'Treaty status: Signed 2008-12-03 · Ratified 2011-09-08',
    )
    expect(await axeBothSchemes(page)).toEqual([])
    expect(observer.errors).toEqual([])
  })
})
