import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

const article = (page: Page, index: number) =>
  page.locator('.ProseMirror section.article').nth(index)

// Selects the first occurrence of `phrase` in an article of the text, as a mouse would.
async function selectWords(page: Page, articleIndex: number, phrase: string) {
  await page.evaluate(
    ([index, words]) => {
      const section = document.querySelectorAll('.ProseMirror section.article')[index as number]
      if (!section) throw new Error(`no article ${index}`)
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(words as string) ?? -1
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + (words as string).length)
        const selection = window.getSelection()
        selection?.removeAllRanges()
        selection?.addRange(range)
        return
      }
      throw new Error(`“${words}” is not in article ${index}`)
    },
    [articleIndex, phrase] as const,
  )
}

const goToArticle2 = (page: Page) =>
  page.getByRole('button', { name: /^Art\. 2\s*Definitions/ }).click()

// Starts a proposal on the selected words through the dialog; answers the draft panel.
async function proposeOnSelection(
  page: Page,
  { title, kind, coSponsor }: { title: string; kind: string; coSponsor?: string },
) {
  await page.getByRole('button', { name: /Propose amendment/ }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Kind').selectOption(kind)
  await dialog.getByLabel('Title').fill(title)
  if (coSponsor) {
    await dialog.getByLabel('Find a co-sponsor').fill(coSponsor)
    await dialog.getByRole('checkbox', { name: new RegExp(coSponsor) }).check()
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
    const wording = observer.page.locator('.ProseMirror .proposal-wording')
    expect(await wording.count()).toBe(0)
    await tableOpenDraft(germany.page)
    await expect.poll(() => wording.count()).toBe(1)
    expect(await wording.locator('.proposal-sponsors').textContent()).toBe('DEU, FRA')
    expect(await wording.locator('.proposal-words').textContent()).toContain(
      'or of a calibre below 40 mm',
    )
    expect(await textOf(observer.page.locator('.ProseMirror .proposal-range'))).toBe(
      'each weighing less than 20 kilograms',
    )
    expect(await observer.page.locator('.ProseMirror .proposal-bracket').allTextContents()).toEqual(
      ['[', ']'],
    )
    await expect
      .poll(() => observer.page.getByTestId('open-count').allTextContents())
      .toEqual(['1 open'])
    await goToArticle2(observer.page)
    await card(observer.page, 'Weight threshold').waitFor()
    await observer.page.screenshot({ path: '/tmp/plenary-proposals-tabled-observer.png' })
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
      await expect.poll(() => u.page.locator('.ProseMirror .proposal-wording').count()).toBe(0)
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
