import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  selectWords,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

const article = (page: Page, index: number) =>
  page.locator('.ProseMirror section.article').nth(index)

const goToArticle = (page: Page, n: number) =>
  page.getByRole('button', { name: new RegExp(`^Art\\. ${n}\\s`) }).click()
const goToArticle2 = (page: Page) => goToArticle(page, 2)

// Starts a proposal on the selected words through the dialog; answers the draft panel.
async function proposeOnSelection(
  page: Page,
  opts: { title: string; kind: string; coSponsor?: string; byKey?: boolean },
) {
  const { title, kind, coSponsor, byKey } = opts
  if (byKey) await page.keyboard.press('Control+Alt+a')
  else await page.getByRole('button', { name: /Propose amendment/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog
    .getByLabel('Kind')
    .selectOption(kind, { timeout: 3000 })
    .catch(async (e) => {
      await page.screenshot({ path: '/tmp/debug-propose.png' })
      throw e
    })
  await dialog.getByLabel('Title').fill(title)
  if (coSponsor) {
    await dialog.getByLabel('Find a co-sponsor').fill(coSponsor)
    await dialog.getByRole('option', { name: new RegExp(coSponsor) }).click()
  }
  await dialog.getByRole('button', { name: 'Create draft' }).click()
  const panel = page.getByTestId('draft-panel')
  await panel.locator('.ProseMirror').waitFor()
  return panel
}

async function tableOpenDraft(page: Page) {
  await page.getByTestId('draft-panel').getByRole('button', { name: 'Table…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Table', exact: true }).click()
  await page.getByTestId('draft-panel').waitFor({ state: 'detached' })
}

// The open proposals the outline counts for an article (0 when it shows none).
async function openCount(page: Page, articleNumber: number): Promise<number> {
  const item = page.locator('[data-testid="outline"] .outline-item').nth(articleNumber - 1)
  const text = (await item.getByTestId('open-count').allTextContents())[0] ?? '0 open'
  return Number(/^(\d+) open$/.exec(text)?.[1] ?? NaN)
}

// The words a proposal's brackets hold in the text (its inline decoration may be split).
const rangeText = (page: Page, id: string) =>
  page
    .locator(`.ProseMirror .proposal-range.range-${id}`)
    .evaluateAll((spans) => spans.map((s) => s.textContent ?? '').join(''))

const card = (page: Page, title: string) =>
  page.getByTestId('article-proposals').locator('.proposal-card', { hasText: title })

// The must-show of proposals: two delegations draft together, table, everyone sees the
// brackets live, and the chair's decision changes the text for all.
describe('a proposal from selection to incorporation', () => {
  let env: E2EEnvironment
  let germany: BrowserUser
  let france: BrowserUser
  let observer: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    germany = await env.open('/n/ccm', 'germany')
    france = await env.open('/n/ccm', 'france')
    observer = await env.open('/n/ccm', 'observer')
    await Promise.all([germany, france, observer].map((u) => waitForText(u.page)))
  })
  afterAll(() => env?.close())

  it('lets Germany propose an amendment on words of Art. 2 with France as co-sponsor', async () => {
    const { page } = germany
    await goToArticle2(page)
    await selectWords(page, 1, 'each weighing less than 20 kilograms')
    const panel = await proposeOnSelection(page, {
      title: 'Weight threshold',
      kind: 'replacement',
      coSponsor: 'France',
    })
    // The draft starts from the anchored words, for the sponsors to edit.
    await expect
      .poll(() => textOf(panel.locator('.ProseMirror')))
      .toContain('each weighing less than 20 kilograms')
    await page.screenshot({ path: '/tmp/plenary-proposals-draft-germany.png' })
  })

  it('shows France the draft, and what France types reaches Germany live', async () => {
    const { page } = france
    await page
      .getByTestId('my-drafts')
      .getByRole('button', { name: /Weight threshold/ })
      .click()
    const editor = page.getByTestId('draft-panel').locator('.ProseMirror')
    await expect.poll(() => textOf(editor)).toContain('less than 20 kilograms')
    await editor.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' or of a calibre below 40 mm')
    const germanDraft = germany.page.getByTestId('draft-panel').locator('.ProseMirror')
    await expect.poll(() => textOf(germanDraft)).toContain('or of a calibre below 40 mm')
    // France's caret is shown in Germany's draft editor, named.
    await expect
      .poll(() => germany.page.locator('.draft-panel .remote-caret-label').allTextContents())
      .toContain('Delegate of France')
    await page.screenshot({ path: '/tmp/plenary-proposals-draft-france.png' })
  })

  it('shows everyone the brackets and sponsors once Germany tables it', async () => {
    const { page } = observer
    const wording = page.locator('.ProseMirror .proposal-wording', { hasText: '40 mm' })
    const before = await openCount(page, 2)
    expect(await wording.count()).toBe(0)
    await tableOpenDraft(germany.page)
    await expect.poll(() => wording.count()).toBe(1)
    expect(await wording.locator('.proposal-sponsors').textContent()).toBe('DEU, FRA')
    expect(await wording.locator('.proposal-words').textContent()).toBe(
      'each weighing less than 20 kilograms or of a calibre below 40 mm',
    )
    const id = (await wording.getAttribute('data-proposal-id')) ?? ''
    expect(await rangeText(page, id)).toBe('each weighing less than 20 kilograms')
    expect(await page.locator('.ProseMirror .proposal-bracket').count()).toBeGreaterThanOrEqual(2)
    await expect.poll(() => openCount(page, 2)).toBe(before + 1)
    await goToArticle2(page)
    await card(page, 'Weight threshold').waitFor()
    await page.screenshot({ path: '/tmp/plenary-proposals-tabled-observer.png' })
  })

  it('lets the chair incorporate it: the text changes in every browser', async () => {
    const chair = await env.open('/n/ccm', 'chair')
    await waitForText(chair.page)
    await goToArticle2(chair.page)
    const proposal = card(chair.page, 'Weight threshold')
    await proposal.getByRole('button', { name: 'Incorporate…' }).click()
    await chair.page.getByRole('dialog').getByRole('button', { name: 'Incorporate' }).click()

    for (const u of [observer, germany, chair]) {
      await expect
        .poll(() => textOf(article(u.page, 1)))
        .toContain('each weighing less than 20 kilograms or of a calibre below 40 mm')
      await expect
        .poll(() => u.page.locator('.ProseMirror .proposal-wording', { hasText: '40 mm' }).count())
        .toBe(0)
    }
    for (const u of [chair, observer]) {
      const status = card(u.page, 'Weight threshold')
      await expect.poll(() => status.getByTestId('status').textContent()).toBe('incorporated')
      expect(await status.getByTestId('last-change').textContent()).toMatch(
        /^by Chair \(Norway\), \d+ \w+ \d{4}, \d\d:\d\d/,
      )
    }
    await chair.page.screenshot({ path: '/tmp/plenary-proposals-incorporated-chair.png' })
    for (const [name, u] of Object.entries({ germany, france, observer, chair })) {
      expect({ name, errors: u.errors }).toEqual({ name, errors: [] })
    }
  })
})

// Competing proposals on overlapping words, the three views of the text, positions recorded by
// a delegation and by the chair, and words deleted under a proposal.
describe('alternatives, views, positions and deleted words', () => {
  let env: E2EEnvironment
  let austria: BrowserUser
  let germany: BrowserUser
  let observer: BrowserUser
  let chair: BrowserUser
  const AUSTRIA_WORDS = 'adequately provide age- and gender-sensitive assistance'
  const GERMANY_WORDS = 'gender-sensitive assistance, including medical care'

  beforeAll(async () => {
    env = await startE2E()
    austria = await env.open('/n/ccm', 'austria')
    germany = await env.open('/n/ccm', 'germany')
    observer = await env.open('/n/ccm', 'observer')
    chair = await env.open('/n/ccm', 'chair')
    await Promise.all([austria, germany, observer, chair].map((u) => waitForText(u.page)))
  })
  afterAll(() => env?.close())

  // Proposes on words of Art. 5 with new wording typed into the draft, and tables it.
  async function proposeOnArticle5(
    u: BrowserUser,
    words: string,
    opts: { title: string; kind: string; wording: string; byKey?: boolean },
  ) {
    await goToArticle(u.page, 5)
    await selectWords(u.page, 4, words)
    const panel = await proposeOnSelection(u.page, opts)
    await panel.locator('.ProseMirror').click()
    await u.page.keyboard.press('Control+a')
    await u.page.keyboard.type(opts.wording)
    await expect.poll(() => textOf(panel.locator('.ProseMirror'))).toBe(opts.wording)
    await tableOpenDraft(u.page)
  }

  it('labels overlapping proposals Alt 1 and Alt 2 in the order tabled', async () => {
    await proposeOnArticle5(austria, AUSTRIA_WORDS, {
      title: 'Assistance without discrimination',
      kind: 'replacement',
      wording: 'provide adequate assistance without discrimination',
    })
    // Germany proposes with the keyboard shortcut rather than the button.
    await proposeOnArticle5(germany, GERMANY_WORDS, {
      title: 'Medical care first',
      kind: 'definition',
      wording: 'medical care first and foremost',
      byKey: true,
    })
    const art5 = article(observer.page, 4)
    const widgets = art5.locator('.proposal-wording')
    await expect.poll(() => widgets.count()).toBe(2)
    const labels = await widgets.evaluateAll((ws) =>
      ws.map((w) =>
        ['.proposal-alt', '.proposal-sponsors', '.proposal-words']
          .map((c) => w.querySelector(c)?.textContent ?? '')
          .join('|'),
      ),
    )
    expect(labels).toEqual([
      'Alt 1|AUT|provide adequate assistance without discrimination',
      'Alt 2|DEU|medical care first and foremost',
    ])
    // One pair of brackets around the union of the two ranges.
    expect(await art5.locator('.proposal-bracket').allTextContents()).toEqual(['[', ']'])
    await goToArticle(observer.page, 5)
    const cards = observer.page.getByTestId('article-proposals').locator('.proposal-card')
    await expect.poll(() => cards.count()).toBe(2)
    expect(await cards.locator('.proposal-alt').allTextContents()).toEqual(['Alt 1', 'Alt 2'])
    await observer.page.screenshot({ path: '/tmp/plenary-proposals-alternatives.png' })
  })

  it('switches between clean text, text with brackets and proposals only', async () => {
    const { page } = observer
    const art5 = article(page, 4)
    await page.getByRole('radio', { name: 'Clean text' }).click()
    await expect.poll(() => art5.locator('.proposal-wording').count()).toBe(0)
    expect(await textOf(art5)).toContain(AUSTRIA_WORDS)

    await page.getByRole('radio', { name: 'Proposals only' }).click()
    const list = page.getByTestId('proposals-only')
    await list.waitFor()
    expect(await page.locator('#treaty-text').isVisible()).toBe(false)
    const section = list.locator('section', { hasText: 'Article 5' })
    expect(await section.locator('li').count()).toBe(2)
    expect(await section.locator('li').first().textContent()).toContain(`[${AUSTRIA_WORDS}]`)
    expect(await section.locator('li').first().textContent()).toContain(
      'provide adequate assistance without discrimination',
    )
    await page.screenshot({ path: '/tmp/plenary-proposals-only.png' })

    // The switch is one tab stop; arrow keys move the choice.
    await page.getByRole('radio', { name: 'Proposals only' }).focus()
    await page.keyboard.press('ArrowLeft')
    expect(
      await page.getByRole('radio', { name: 'Text with brackets' }).getAttribute('aria-checked'),
    ).toBe('true')
    await expect.poll(() => art5.locator('.proposal-wording').count()).toBe(2)
  })

  it('records positions: a delegation for itself, the chair for anyone, later ones supersede', async () => {
    await goToArticle(austria.page, 5)
    const austrian = card(austria.page, 'Medical care first')
    await austrian.getByRole('button', { name: 'Record a position…' }).click()
    expect(await austrian.getByLabel('Actor').inputValue()).toBe('AUT')
    await austrian.getByLabel('Stance').selectOption('opposes')
    await austrian.getByLabel('Source').fill('Vienna plenary, 6 Dec')
    await austrian.getByLabel('Quote').fill('Assistance must not rank victims’ needs.')
    await austrian.getByRole('button', { name: 'Record' }).click()

    await goToArticle(chair.page, 5)
    const chairs = card(chair.page, 'Medical care first')
    await expect
      .poll(() => chairs.getByTestId('position-counts').textContent())
      .toContain('1 oppose')
    await chairs.getByRole('button', { name: 'Record a position…' }).click()
    await chairs.getByLabel('Actor').selectOption('AUT')
    await chairs.getByLabel('Stance').selectOption('supports')
    await chairs.getByLabel('Source').fill('Vienna, closing plenary')
    await chairs.getByRole('button', { name: 'Record' }).click()

    const observed = card(observer.page, 'Medical care first')
    await expect
      .poll(() => observed.getByTestId('position-counts').textContent())
      .toBe('1 supports0 oppose0 have concerns')
    await observed.getByText('Positions (1)').click()
    await observed.getByText('earlier (1)').click()
    expect(await observed.locator('.superseded .position').textContent()).toContain('opposes')
    await observer.page.screenshot({ path: '/tmp/plenary-proposals-positions.png' })
  })

  it('lets a delegation propose a new article after the current one', async () => {
    const { page } = austria
    await goToArticle(page, 5)
    await page.keyboard.press('Control+Alt+n')
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('heading', { name: 'Propose a new article after Art. 5' }).waitFor()
    expect(await dialog.getByLabel('Kind').inputValue()).toBe('new-article')
    await dialog.getByLabel('Title').fill('Protection of deminers')
    await dialog.getByRole('button', { name: 'Create draft' }).click()
    const editor = page.getByTestId('draft-panel').locator('.ProseMirror')
    await editor.locator('h2').click()
    await page.keyboard.type('Protection of deminers')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.type('Each State Party shall protect clearance personnel.')
    await expect
      .poll(() => textOf(editor))
      .toBe('Protection of deminersEach State Party shall protect clearance personnel.')
    await tableOpenDraft(page)
    const shown = observer.page.locator('.ProseMirror .proposal-new-article')
    await expect.poll(() => shown.count()).toBe(1)
    expect(await shown.textContent()).toContain('[New article: Protection of deminers]')
    expect(await shown.textContent()).toContain(
      'Each State Party shall protect clearance personnel.',
    )
    // It shows after Art. 5, before Art. 6.
    expect(
      await shown.evaluate((el) => el.previousElementSibling?.getAttribute('data-article-id')),
    ).toBe(await article(observer.page, 4).getAttribute('data-article-id'))
  })

  it('lists proposals whose words were deleted as such, and drops their brackets', async () => {
    await goToArticle(chair.page, 5)
    await selectWords(
      chair.page,
      4,
      'adequately provide age- and gender-sensitive assistance, including medical care',
    )
    await chair.page.keyboard.press('Backspace')
    const orphans = observer.page.getByTestId('article-proposals').getByTestId('orphan')
    await expect
      .poll(() => orphans.allTextContents())
      .toEqual([`words deleted: ‘${AUSTRIA_WORDS}’`, `words deleted: ‘${GERMANY_WORDS}’`])
    await expect.poll(() => article(observer.page, 4).locator('.proposal-wording').count()).toBe(0)
    for (const u of [austria, germany, observer, chair]) expect(u.errors).toEqual([])
  })
})

// The demo's register (fixtures/vienna-proposals.json) as the Vienna report tells it.
describe('the demo’s proposals on Art. 2', () => {
  let env: E2EEnvironment
  let observer: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    observer = await env.open('/n/ccm', 'observer')
    await waitForText(observer.page)
  })
  afterAll(() => env?.close())

  it('shows the definition’s proposals, the report’s positions, and the demo’s marked synthetic', async () => {
    const { page } = observer
    await expect.poll(() => openCount(page, 2)).toBe(3)
    await goToArticle2(page)
    const cards = page.getByTestId('article-proposals').locator('.proposal-card')
    await expect.poll(() => cards.count()).toBe(3)

    // The broad definition as a proposal is the demo's packaging: marked synthetic.
    const broad = card(page, 'Broad definition')
    expect(await broad.locator('.card-sponsors').textContent()).toBe('Mexico with Austria')
    expect(await broad.getByTestId('status').textContent()).toBe('bracketed')
    expect(await broad.textContent()).toContain('Synthetic')
    // Germany's claim on non-dangerous duds: its position, as the report gives it.
    const duds = card(page, 'Exemption: count only dangerous duds')
    expect(await duds.getByTestId('position-counts').textContent()).toBe(
      '1 supports0 oppose0 have concerns',
    )
    await duds.getByText('Positions (1)').click()
    const stances = await duds.locator('.position-list .position-head').allTextContents()
    expect(stances).toHaveLength(1)
    expect(stances[0]).toContain('Germany supports · Vienna')

    // In the text: alternatives on the definition, each labelled with its sponsors.
    const sponsors = await article(page, 1)
      .locator('.proposal-wording .proposal-sponsors')
      .allTextContents()
    expect(sponsors).toEqual(expect.arrayContaining(['MEX, AUT']))
    expect(await article(page, 1).locator('.proposal-alt').count()).toBeGreaterThanOrEqual(2)
    await page.screenshot({ path: '/tmp/plenary-proposals-demo-art2.png' })

    // Filtered by sponsor: Finland's proposal alone.
    await page.getByTestId('article-proposals').getByLabel('Sponsor').selectOption('FIN')
    await expect.poll(() => cards.count()).toBe(1)
    expect(await cards.first().locator('.card-title').textContent()).toBe(
      'Exemption: sensor-fuzed submunitions',
    )
    expect(observer.errors).toEqual([])
  })
})
