import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { outlineOf } from '../../shared/domain/numbering'
import { waitFor } from '../support/collabClient'
import { layoutDocx } from '../support/layoutDocx'
import { parisExtract } from '../support/parisExtract'
import { wordLayout } from '../support/wordLayout'
import { useTestServer } from '../support/serverHarness'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const ccm = readFileSync(path.join(repoRoot, 'fixtures/ccm-2008.txt'), 'utf8')

/**
 * The CCM text revised: Articles 3 and 4 swap places (so each is renumbered), a few words of
 * Article 1 change, and the last article (23) gives way to a new one.
 */
function revisedCcm(): string {
  const lines = ccm.split('\n').filter((l) => !l.startsWith('#'))
  const starts = lines.flatMap((l, i) => (/^Article \d+$/.test(l) ? [i] : []))
  const block = (n: number) => lines.slice(starts[n - 1], starts[n] ?? lines.length)
  const body = (n: number) => block(n).slice(1)
  const head = lines.slice(0, starts[0])
  const out = [...head]
  for (let n = 1; n <= 22; n++) {
    const from = n === 3 ? 4 : n === 4 ? 3 : n
    const content = body(from).map((l) =>
      n === 1 ? l.replace('never under any circumstances', 'under no circumstances') : l,
    )
    out.push(`Article ${n}`, ...content)
  }
  out.push(
    'Article 23',
    'Review clause',
    '1. Five years after entry into force, a review conference may be convened.',
  )
  return out.join('\n')
}

describe('a revised text imported as the next round', () => {
  const t = useTestServer(['chair', 'germany', 'observer'], 'each')

  it('refuses a delegate: only the chair imports a revised text', async () => {
    const res = await t.api('germany', 'POST', '/rounds/import-revision', {
      text: revisedCcm(),
      format: 'plain',
    })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
  })

  it('previews the matching without changing anything, then imports it live', async () => {
    const watcher = await t.connect('observer', 'ccm/text')
    const before = outlineOf(watcher.pmDoc())
    const preview = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: revisedCcm(),
      format: 'plain',
    })
    expect(preview.status).toBe(200)
    const p = preview.body.preview
    expect(p).toMatchObject({ articles: 23, new: 1, removed: 1 })
    // The new Article 3 is the old Article 4, moved: matched by title and wording.
    const third = p.matching.matches[2]
    expect(third).toMatchObject({ matchedId: before[3]?.id, matchedLabel: '4' })
    expect(third.reasons).toContain('was Article 4')
    expect(p.matching.matches[22]).toMatchObject({ confidence: 'new', matchedId: null })
    expect(p.matching.removed).toEqual([expect.objectContaining({ id: before[22]?.id })])
    expect((await t.api('chair', 'GET', '/rounds')).body.rounds).toContainEqual(
      expect.objectContaining({ id: 'dublin-2008', status: 'open' }),
    )

    const imported = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: revisedCcm(),
      format: 'plain',
      confirm: {},
      round: { name: 'Revised text', startDate: '2008-05-30' },
    })
    expect(imported.status).toBe(201)
    expect(imported.body.imported).toMatchObject({
      closedRound: 'dublin-2008',
      articles: 23,
      matched: 22,
      new: 1,
      removed: 1,
      summary: expect.stringMatching(/imported the revised text .*23 articles, 22 matched, 1 new/),
    })
    const rounds = (await t.api('chair', 'GET', '/rounds')).body.rounds
    expect(rounds.find((r: { id: string }) => r.id === 'dublin-2008').status).toBe('closed')
    expect(rounds.at(-1)).toMatchObject({ name: 'Revised text', status: 'open' })

    // The observer sees the revised text live, each article under the id it had.
    await waitFor('the revised text', () => outlineOf(watcher.pmDoc())[2]?.id === before[3]?.id)
    const after = outlineOf(watcher.pmDoc())
    expect(after.slice(0, 4).map((a) => a.id)).toEqual([
      before[0]?.id,
      before[1]?.id,
      before[3]?.id,
      before[2]?.id,
    ])
    expect(after[22]?.id).not.toBe(before[22]?.id)
    expect(after[22]?.title).toBe('Review clause')

    const events = (await t.api('chair', 'GET', '/events?type=text-imported')).body.events
    expect(events).toHaveLength(1)
    expect(events[0].data.summary).toMatch(/23 articles, 22 matched, 1 new, 1 removed/)

    // History follows the moved article by its id: Article 4 at Dublin, Article 3 now.
    const history = (await t.api('chair', 'GET', `/articles/${before[3]?.id}/history`)).body
    const dublin = history.versions.find((v: { roundId: string }) => v.roundId === 'dublin-2008')
    expect(dublin.number).toBe(4)
    expect(history.article.currentNumber).toBe(3)
  })

  it('applies the chair’s answers and refuses one article continued twice', async () => {
    const watcher = await t.connect('observer', 'ccm/text')
    const before = outlineOf(watcher.pmDoc())
    const twice = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: revisedCcm(),
      format: 'plain',
      confirm: { 0: before[5]?.id, 1: before[5]?.id },
    })
    expect(twice.status).toBe(400)
    expect(twice.body.error.code).toBe('article_twice')
    // Nothing was closed.
    expect((await t.api('chair', 'GET', '/rounds')).body.rounds).toContainEqual(
      expect.objectContaining({ id: 'dublin-2008', status: 'open' }),
    )
    // The chair says the new Article 23 continues the old one after all.
    const res = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: revisedCcm(),
      format: 'plain',
      confirm: { 22: before[22]?.id },
    })
    expect(res.status).toBe(201)
    expect(res.body.imported).toMatchObject({ matched: 23, new: 0, removed: 0, confirmed: 1 })
    await waitFor(
      'the revised text',
      () => outlineOf(watcher.pmDoc())[22]?.title === 'Review clause',
    )
    expect(outlineOf(watcher.pmDoc())[22]?.id).toBe(before[22]?.id)
  })

  it('refuses a text longer than the importer reads, before reading it', async () => {
    const res = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: 'Title\n'.repeat(20_001),
      format: 'plain',
    })
    expect(res.status).toBe(413)
    expect(res.body.error).toMatchObject({ code: 'treaty_too_large', limit: 20_000 })
  })

  it('reads a revised text sent as a Word file as its Markdown reads, and refuses what is not one', async () => {
    const markdown = parseNegotiatingText(parisExtract(), { format: 'markdown' })
    if (!markdown.ok) throw new Error(markdown.error.message)
    const docx = Buffer.from(await layoutDocx(wordLayout(parisExtract()))).toString('base64')
    const preview = await t.api('chair', 'POST', '/rounds/import-revision', {
      docx,
      file: 'extract.docx',
    })
    expect(preview.status).toBe(200)
    expect(preview.body.preview).toMatchObject({
      articles: outlineOf(markdown.doc).length,
      counts: { brackets: { after: cleaningCounts(markdown.doc).brackets } },
    })
    const bad = await t.api('chair', 'POST', '/rounds/import-revision', {
      docx: Buffer.from('not a zip').toString('base64'),
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('not_docx')
    const neither = await t.api('chair', 'POST', '/rounds/import-revision', {})
    expect(neither.status).toBe(400)
  })

  it('says on which line a text it cannot read stops', async () => {
    const res = await t.api('chair', 'POST', '/rounds/import-revision', {
      text: 'Title\n\nRecalling\nArticle 1\nScope\n1. Text\nArticle 2\nArticle 3',
      format: 'plain',
    })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'malformed_treaty', line: 8 })
  })
})
