import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { startE2E, type BrowserUser, type E2EEnvironment } from '../support/browser'

const AT = '/n/ccm/issues?issue=transition-periods&round=vienna-2007'
const QUOTE = 'Told us in the corridor that Paris could live without a transition period'

const franceEntries = (page: Page) => page.locator('[data-testid="stance-entry"][data-actor="FRA"]')
const groupEntry = (page: Page) =>
  franceEntries(page).and(page.locator('[data-record="group:cmc"]'))
const secretariatEntry = (page: Page) =>
  franceEntries(page).and(page.locator('[data-record="secretariat"]'))

async function showIssue(user: BrowserUser) {
  await user.page
    .locator('section.round-entries[data-round="vienna-2007"]')
    .waitFor()
    .catch(async (e: unknown) => {
      console.log(user.page.url(), user.errors, await user.page.locator('body').innerText())
      throw e
    })
  await secretariatEntry(user.page).first().waitFor()
}

// The must-show of records in the UI: a campaigner records what France said into her group's
// record; nobody else sees it until she publishes it, and then it shows beside the
// secretariat's entry, both marked as differing.
describe("a group's record of a statement", () => {
  let env: E2EEnvironment
  let ana: BrowserUser
  let others: Record<'chair' | 'france' | 'hana' | 'observer', BrowserUser>

  beforeAll(async () => {
    env = await startE2E()
    ana = await env.open(AT, 'ana')
    others = {
      chair: await env.open(AT, 'chair'),
      france: await env.open(AT, 'france'),
      hana: await env.open(AT, 'hana'),
      observer: await env.open(AT, 'observer'),
    }
    for (const user of [ana, ...Object.values(others)]) await showIssue(user)
  }, 180_000)
  afterAll(() => env?.close())

  it('lets Ana record France into the coalition’s record, private to her group', async () => {
    const { page } = ana
    expect(await groupEntry(page).count()).toBe(0)
    const form = page.getByRole('form', { name: 'Record a statement' })
    expect(
      await form.getByText('Into: Cluster Munition Coalition — private to your group').count(),
    ).toBe(1)
    // A name typed out in full is chosen without Enter (which would submit the form).
    await form.getByLabel('Who said it').fill('France')
    await form.getByLabel('Stance').selectOption('concerns')
    await form.getByLabel('Round').selectOption('vienna-2007')
    await form.getByLabel('Words said, or a paraphrase').fill(QUOTE)
    await form.getByRole('button', { name: 'Record' }).click()
    await groupEntry(page).waitFor()
    const entry = groupEntry(page)
    expect(await entry.locator('.stance-entry-record').textContent()).toBe(
      'Cluster Munition Coalition — private to your group',
    )
    expect(await entry.locator('.stance-entry-quote').textContent()).toBe(`“${QUOTE}”`)
    // The secretariat heard France support a transition period: the records differ.
    expect(await entry.locator('.records-differ').count()).toBe(1)
    expect(await secretariatEntry(page).locator('.records-differ').count()).toBe(1)
  })

  it('shows nothing of it to the chair, France, another group or an observer', async () => {
    for (const [who, user] of Object.entries(others)) {
      await user.page.reload()
      await showIssue(user)
      expect(await groupEntry(user.page).count(), who).toBe(0)
      expect(await user.page.content(), who).not.toContain('corridor')
      expect(await secretariatEntry(user.page).locator('.records-differ').count(), who).toBe(0)
      expect(await user.page.getByRole('button', { name: 'Publish' }).count(), who).toBe(0)
    }
  })

  it('shows it to everyone once Ana publishes it, beside the secretariat’s entry, marked as differing', async () => {
    const entry = groupEntry(ana.page)
    await entry.getByRole('button', { name: 'Publish' }).click()
    await expect
      .poll(() => entry.locator('.stance-entry-record').textContent())
      .toBe('Cluster Munition Coalition — published')
    for (const [who, user] of Object.entries(others)) {
      await user.page.reload()
      await showIssue(user)
      const theirs = groupEntry(user.page)
      expect(await theirs.count(), who).toBe(1)
      expect(await theirs.locator('.stance-entry-record').textContent(), who).toBe(
        'Cluster Munition Coalition — published',
      )
      expect(await theirs.locator('.records-differ').count(), who).toBe(1)
      expect(await secretariatEntry(user.page).locator('.records-differ').count(), who).toBe(1)
      expect(await theirs.getByRole('button', { name: 'Publish' }).count(), who).toBe(0)
    }
  })

  it('has no serious accessibility violations with the form and a group entry shown', async () => {
    expect(await seriousViolations(ana.page)).toEqual([])
  })
})

// Briefing papers: a group's paper stays the group's until published; versions are all kept.
describe('briefing papers on an issue', () => {
  let env: E2EEnvironment
  let ana: BrowserUser
  let hana: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    ana = await env.open(AT, 'ana')
    hana = await env.open(AT, 'hana')
    for (const user of [ana, hana]) await showIssue(user)
  }, 120_000)
  afterAll(() => env?.close())

  const papers = (page: Page) => page.getByRole('region', { name: 'Briefing papers' })

  it('lets Ana write a paper and a new version, unseen by HRW until published', async () => {
    const { page } = ana
    await papers(page)
      .getByRole('button', { name: /^Add a paper/ })
      .click()
    const editor = page.getByRole('form', { name: 'New paper' })
    await editor.getByLabel('Title').fill('Why no transition period')
    await editor.getByLabel(/^Body/).fill('States *already* have **alternatives**.')
    await editor.getByRole('button', { name: 'Save' }).click()
    const paper = papers(page).getByTestId('paper').filter({ hasText: 'Why no transition period' })
    await paper.waitFor()
    expect(await paper.textContent()).toContain('private to your group')
    await paper.getByRole('button', { name: 'Why no transition period' }).click()
    expect(await paper.locator('.paper-body em').textContent()).toBe('already')
    await paper.getByRole('button', { name: 'Write a new version' }).click()
    const next = page.getByRole('form', { name: 'New version' })
    await next.getByLabel(/^Body/).fill('States have alternatives: see Norway.')
    await next.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => paper.textContent()).toContain('2 versions')

    await hana.page.reload()
    await showIssue(hana)
    expect(await papers(hana.page).getByTestId('paper').count()).toBe(0)

    // The paper stays open after its new version.
    expect(
      await paper
        .getByRole('button', { name: 'Why no transition period' })
        .getAttribute('aria-expanded'),
    ).toBe('true')
    await paper.getByRole('button', { name: 'Publish' }).click()
    await expect.poll(() => paper.textContent()).toContain('published')
    await hana.page.reload()
    await showIssue(hana)
    const theirs = papers(hana.page).getByTestId('paper')
    await theirs.first().waitFor()
    await theirs.getByRole('button', { name: 'Why no transition period' }).click()
    // The current version shows; the first is one pick away.
    expect(await theirs.locator('.paper-body').textContent()).toContain('see Norway')
    await theirs.getByLabel('Version').selectOption('1')
    expect(await theirs.locator('.paper-body em').textContent()).toBe('already')
    expect(await theirs.getByRole('button', { name: 'Write a new version' }).count()).toBe(0)
  })
})
