import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../support/axe'
import { startE2E, type BrowserUser, type E2EEnvironment } from '../support/browser'

const AT = '/n/ccm/issues?issue=stockpile-destruction'
const TITLE = 'Stockpile retention for training'
const NEW_ID = 'stockpile-retention-for-training'

const tree = (page: Page) => page.getByRole('tree', { name: 'Issues' })
const selectedId = (page: Page) =>
  page.getByRole('treeitem', { selected: true }).getAttribute('data-issue-id')
const issueParam = (page: Page) => new URL(page.url()).searchParams.get('issue')

/** What a POST of an issue from the page itself (its cookie, its origin) answers. */
const postFromPage = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/negotiations/ccm/issues', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ title: 'An issue nobody may name here' }),
      credentials: 'same-origin',
    })
    return { status: res.status, body: await res.text() }
  })

// The chair names the questions the negotiation turns on from the issues page itself; nobody
// else sees the buttons, and the server refuses them too.
describe('the chair names and edits issues', () => {
  let env: E2EEnvironment
  let chair: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    chair = await env.open(AT, 'chair')
    await tree(chair.page).waitFor()
  }, 120_000)
  afterAll(() => env?.close())

  it('creates a child issue linked to Art. 3 and shows it selected in the tree', async () => {
    const { page } = chair
    await page.getByRole('button', { name: 'New issue' }).click()
    const form = page.getByRole('form', { name: 'New issue' })
    // The form's heading takes the focus when it opens.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('New issue')
    await form.getByLabel('Title').fill(TITLE)
    await form.getByLabel('Part of').selectOption({ label: 'Stockpile destruction' })
    await form.getByLabel('Description (Markdown)').fill('Mines kept **for training** only.')
    const articles = form.getByRole('group', { name: 'Articles it concerns' })
    await articles.getByRole('checkbox', { name: /^Art\. 3\b/ }).check()
    await form.getByRole('button', { name: 'Create issue' }).click()

    await expect.poll(() => issueParam(page)).toBe(NEW_ID)
    await expect.poll(() => selectedId(page)).toBe(NEW_ID)
    const item = tree(page).locator(`[data-issue-id="${NEW_ID}"]`)
    // A child of Stockpile destruction, one level down, and focused after the save.
    expect(await item.getAttribute('aria-level')).toBe('2')
    const rows = await tree(page)
      .getByRole('treeitem')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-issue-id'), e.getAttribute('aria-level')]),
      )
    const at = rows.findIndex(([id]) => id === NEW_ID)
    const top = rows
      .slice(0, at)
      .reverse()
      .find(([, level]) => level === '1')
    expect(top?.[0]).toBe('stockpile-destruction')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-issue-id')))
      .toBe(NEW_ID)
    const detail = page.locator('article.issue-detail')
    expect(await detail.locator('h2').textContent()).toContain(TITLE)
    expect(await detail.locator('.issue-parent').textContent()).toBe(
      'Part of Stockpile destruction',
    )
    expect(await detail.getByRole('region', { name: 'Articles' }).textContent()).toMatch(
      /Art\. 3\b/,
    )
    expect(await page.getByRole('form', { name: 'New issue' }).count()).toBe(0)
  })

  it('edits its title, and shows the server’s sentence when it refuses', async () => {
    const { page } = chair
    await page.locator('article.issue-detail').getByRole('button', { name: 'Edit' }).click()
    const form = page.getByRole('form', { name: `Edit issue: ${TITLE}` })
    // The issue and what is under it cannot be its own parent.
    const parents = await form
      .getByLabel('Part of')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(parents).not.toContain(NEW_ID)
    expect(parents).toContain('stockpile-destruction')
    expect(await form.getByLabel('Part of').inputValue()).toBe('stockpile-destruction')
    expect(await form.getByRole('checkbox', { name: /^Art\. 3\b/ }).isChecked()).toBe(true)

    // A bracket that is not in the text: the server says so, the form stays open.
    await form.getByLabel(/Bracket ids/).fill('no-such-bracket')
    await form.getByRole('button', { name: 'Save changes' }).click()
    const alert = form.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/bracket/i)
    await form.getByLabel(/Bracket ids/).fill('')
    // Reported without a source: the server's sentence.
    await form.getByLabel('Provenance').selectOption('reported')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => alert.textContent()).toBe('A reported issue names its source.')
    await form.getByLabel(/^Source/).fill('CMC Vienna report, IV')

    await form.getByLabel('Title').fill('Stockpile retention for training and research')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await expect
      .poll(() => page.locator('article.issue-detail h2').textContent())
      .toContain('Stockpile retention for training and research')
    expect(issueParam(page)).toBe(NEW_ID)
    expect(await selectedId(page)).toBe(NEW_ID)
    expect(await page.getByTestId('issue-form').count()).toBe(0)
    expect(await page.locator('article.issue-detail').textContent()).toContain(
      'Named in: CMC Vienna report, IV',
    )
  })

  it('closes the form with Escape, focus back on the button that opened it', async () => {
    const { page } = chair
    const edit = page.locator('article.issue-detail').getByRole('button', { name: 'Edit' })
    await edit.click()
    const form = page.getByRole('form', { name: /^Edit issue:/ })
    await form.getByLabel('Title').fill('Not saved')
    await page.keyboard.press('Escape')
    expect(await form.count()).toBe(0)
    expect(await page.locator('article.issue-detail h2').textContent()).not.toContain('Not saved')
    await expect.poll(() => edit.evaluate((b) => b === document.activeElement)).toBe(true)
  })

  it('has no serious accessibility violations with the form open', async () => {
    const { page } = chair
    await page.getByRole('button', { name: 'New issue' }).click()
    await page.getByRole('form', { name: 'New issue' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Cancel' }).click()
  })

  it.each(['observer', 'france'])(
    'shows %s no New issue or Edit, and the server says 403',
    async (who) => {
      const { page } = await env.open(AT, who)
      await tree(page).waitFor()
      await page.locator('article.issue-detail h2').waitFor()
      expect(await page.getByRole('button', { name: 'New issue' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0)
      const answer = await postFromPage(page)
      expect(answer.status).toBe(403)
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'forbidden' } })
      expect(answer.body).not.toContain('An issue nobody may name here')
    },
  )
})
