import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startE2E, waitForText, type E2EEnvironment } from '../support/browser'

const repoRoot = path.resolve(import.meta.dirname, '../..')

// The CCM text revised as a secretariat would circulate it: Articles 3 and 4 change places and
// a new Article 23 replaces the old one; words of Article 1 are bracketed.
function revisedCcm(): string {
  const lines = readFileSync(path.join(repoRoot, 'fixtures/ccm-2008.txt'), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
  const starts = lines.flatMap((l, i) => (/^Article \d+$/.test(l) ? [i] : []))
  const body = (n: number) => lines.slice((starts[n - 1] ?? 0) + 1, starts[n] ?? lines.length)
  const out = lines.slice(0, starts[0])
  for (let n = 1; n <= 22; n++) out.push(`Article ${n}`, ...body(n === 3 ? 4 : n === 4 ? 3 : n))
  // Article 1 gains a bracket, as a draft reopened would carry.
  out.splice(
    out.indexOf('Article 1') + 2,
    1,
    '1. Each State Party undertakes [never under any circumstances] to:',
  )
  out.push(
    'Article 23',
    'Review clause',
    '1. A review conference may be convened after five years.',
  )
  return out.join('\n')
}

describe('the chair imports a revised text as the next round', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  it('previews the matching, confirms it, and a reader sees the revised text live', async () => {
    const reader = await env.open('/n/ccm', 'observer')
    await waitForText(reader.page)
    const titles = reader.page.locator('.ProseMirror h2.article-title')
    const before = await titles.allTextContents()

    const { page, errors } = await env.open('/n/ccm/rounds', 'chair')
    const panel = page.getByRole('region', { name: 'Import a revised text' })
    await panel.getByLabel('Or paste the text').fill(revisedCcm())
    await panel.getByLabel('Name of the next round').fill('Revised text')
    await panel.getByRole('button', { name: 'Preview the matching' }).click()

    const matches = page.getByTestId('revision-matches')
    await matches.waitFor()
    expect(await matches.locator('tbody tr').count()).toBe(23)
    // The new Article 3 continues the old Article 4, and says so.
    const third = matches.locator('tbody tr').nth(2)
    expect(await third.locator('select option:checked').textContent()).toBe(`Art. 4 (${before[3]})`)
    expect(await third.textContent()).toContain('was Article 4')
    expect(await matches.locator('tbody tr').nth(22).locator('select').inputValue()).toBe('')
    expect(await page.getByTestId('revision-preview').textContent()).toContain(
      `Not continued (their history ends with this round): Art. 23 (${before[22]})`,
    )

    await panel.getByRole('button', { name: 'Import as the next round…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click()
    await expect
      .poll(() => panel.getByRole('status').first().textContent())
      .toMatch(/imported the revised text .*23 articles, 22 matched, 1 new, 1 removed/)
    const rows = page.getByTestId('rounds-table').locator('tbody tr')
    await expect.poll(() => rows.last().textContent()).toContain('Revised text')
    expect(await rows.last().textContent()).toContain('open')

    // The reader's text changed under them, without reloading.
    await expect.poll(() => titles.nth(22).textContent()).toBe('Review clause')
    expect(await titles.nth(2).textContent()).toBe(before[3])
    expect(await titles.nth(3).textContent()).toBe(before[2])
    expect(errors).toEqual([])

    // Article 1's history: its Dublin text, then the current one with the bracket added, marked.
    await reader.page.goto(new URL('/n/ccm/articles/art-1/history', env.url).href)
    await reader.page.getByTestId('timeline').waitFor()
    const marks = reader.page.getByTestId('timeline').locator('.diff-bracket')
    await expect.poll(() => marks.count()).toBe(2)
    expect(await marks.first().getAttribute('title')).toBe('bracket added')
    expect(await marks.allTextContents()).toEqual(['bracket added: [', 'bracket added: ]'])
    expect(reader.errors).toEqual([])
  })
})
