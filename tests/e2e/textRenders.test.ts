import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openPage,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'

type Counts = { renders: Record<string, number>; pendingWrites: number }

// Typing changes the wording, not the structure: the page around the editor must not re-render
// per keystroke (issue 15). The app counts renders of a few components into
// window.__plenaryRenders when a test sets it up (client/src/renderCounts.ts); localStorage
// writes of the pending count are counted by wrapping setItem.
describe('typing in the text', () => {
  let env: E2EEnvironment
  let chair: BrowserUser

  beforeAll(async () => {
    env = await startE2E()
    const context = await env.signedInContext('chair')
    await context.addInitScript(() => {
      window.__plenaryRenders = {}
      const counts = window as unknown as { __pendingWrites: number }
      counts.__pendingWrites = 0
      const setItem = Storage.prototype.setItem
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.includes('.pending.')) counts.__pendingWrites++
        return setItem.call(this, key, value)
      }
    })
    chair = await openPage(context, new URL('/n/ccm', env.url).href)
    await waitForText(chair.page)
  })
  afterAll(() => env?.close())

  const counts = () =>
    chair.page.evaluate(() => ({
      renders: { ...window.__plenaryRenders },
      pendingWrites: (window as unknown as { __pendingWrites: number }).__pendingWrites,
    }))
  const reset = () =>
    chair.page.evaluate(() => {
      window.__plenaryRenders = {}
      ;(window as unknown as { __pendingWrites: number }).__pendingWrites = 0
    })

  it('re-renders neither the page nor the outline per keystroke, and throttles the indicator', async () => {
    const clause = chair.page
      .locator('.ProseMirror section.article')
      .nth(1)
      .locator('p.clause')
      .first()
    await clause.click()
    await chair.page.keyboard.press('End')
    // Settle: the caret's first move into the article is a change of the current article.
    await chair.page.waitForTimeout(500)
    await reset()

    const typed = ' and shall report on it to the Meeting of States P'
    expect(typed.length).toBe(50)
    await chair.page.keyboard.type(typed, { delay: 15 })
    await expect.poll(() => textOf(clause)).toContain(typed.trim())
    // Acknowledged and shown as saved: every throttled update has gone out.
    await expect
      .poll(() => chair.page.locator('.sync-indicator').getAttribute('data-sync'))
      .toBe('saved')
    await chair.page.waitForTimeout(600)

    const after: Counts = await counts()
    console.log('renders while typing 50 characters:', JSON.stringify(after))
    // A handful at most: the outline and the page render for structure, not for wording.
    expect(after.renders['outline'] ?? 0).toBeLessThanOrEqual(3)
    expect(after.renders['text-workspace'] ?? 0).toBeLessThanOrEqual(3)
    // The indicator and the stored count follow at most about four times a second.
    expect(after.renders['sync-indicator'] ?? 0).toBeLessThan(25)
    expect(after.pendingWrites).toBeLessThan(25)
  })

  it('still re-renders the outline when a title changes', async () => {
    await chair.page
      .getByRole('button', { name: /Art\. 3\s*Storage and stockpile destruction/ })
      .click()
    await chair.page.waitForTimeout(300)
    await reset()
    await chair.page.keyboard.type(' now')
    await expect
      .poll(() => chair.page.getByTestId('outline').textContent())
      .toContain('Storage and stockpile destruction now')
    expect((await counts()).renders['outline'] ?? 0).toBeGreaterThan(0)
  })
})
