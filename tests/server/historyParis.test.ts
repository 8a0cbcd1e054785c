import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { articleText } from '../../shared/domain/articleText'
import { cleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { outlineOf } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'
import { call } from '../support/api'
import { waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

// The four Paris Agreement drafts of 2015 (fixtures/paris, copied from
// ../shared/negotiation-texts/cop21-paris-agreement with their source in README.md).
const repoRoot = path.resolve(import.meta.dirname, '../..')
const draft = (name: string) =>
  readFileSync(path.join(repoRoot, 'fixtures/paris', `${name}.md`), 'utf8')

/** A document as a text room holds it: written into a fresh Y.Doc and read back. */
function throughYjs(doc: Node): Node {
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(TEXT_FRAGMENT))
  const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
  ydoc.destroy()
  return back
}

interface Match {
  newIndex: number
  label: string
  matchedId: string | null
  matchedLabel: string | null
  confidence: string
  similarity: number
}

// Each revision as the next round: named after the text and dated by it.
const REVISIONS = [
  { file: '4-dec-2015', name: 'Draft agreement of 4 December 2015', date: '2015-12-04' },
  { file: '9-dec-2015', name: 'Draft agreement of 9 December 2015', date: '2015-12-09' },
  { file: '12-dec-2015', name: 'Paris Agreement of 12 December 2015', date: '2015-12-12' },
]

describe('the four Paris drafts as four rounds of one negotiation', () => {
  const t = useTestServer(['admin'])
  const api = (method: string, p: string, body?: unknown) =>
    call(t.server.url, t.session('admin'), method, `/api/negotiations${p}`, body)

  it('imports 23 October, then 4, 9 and 12 December as revisions; history and diffs follow Article 2 and 2bis', async () => {
    const created = await api('POST', '/import', {
      text: draft('23-oct-2015'),
      format: 'markdown',
      id: 'paris',
      name: 'Paris Agreement',
    })
    expect(created.status).toBe(201)
    const first = (await api('GET', '/paris/articles')).body.articles as {
      id: string
      label: string
    }[]
    const art2 = first.find((a) => a.label === '2')?.id
    const art2bis = first.find((a) => a.label === '2bis')?.id
    expect(art2 && art2bis).toBeTruthy()

    const warned = (file: string) =>
      api('POST', '/paris/rounds/import-revision', { text: draft(file), file: `${file}.md` })
    // The 4 December draft has unbalanced brackets: the preview lists them by line.
    const dec4Warnings = (await warned('4-dec-2015')).body.preview.warnings
    expect(dec4Warnings.some((w: { kind: string }) => w.kind === 'unbalanced-bracket')).toBe(true)

    // A client in the text room sees each revised text arrive, exactly as imported.
    const live = await t.connect('admin', 'paris/text')
    const roundIds: string[] = []
    for (const [i, r] of REVISIONS.entries()) {
      const body = { text: draft(r.file), format: 'markdown', file: `${r.file}.md` }
      const started = performance.now()
      const preview = await api('POST', '/paris/rounds/import-revision', body)
      expect(preview.status).toBe(200)
      const matches = preview.body.preview.matching.matches as Match[]
      // The importer's warnings come with the preview, each with its file and line.
      for (const w of preview.body.preview.warnings) {
        expect(w).toMatchObject({ file: `${r.file}.md`, line: expect.any(Number) })
      }
      // The chair confirms every proposed match, the doubtful ones too.
      const confirm = Object.fromEntries(
        matches.filter((m) => m.confidence === 'doubtful').map((m) => [m.newIndex, m.matchedId]),
      )
      const imported = await api('POST', '/paris/rounds/import-revision', {
        ...body,
        confirm,
        round: { name: r.name, startDate: r.date },
        ...(i === 0
          ? {
              previousRound: {
                name: 'Draft negotiating text of 23 October 2015',
                startDate: '2015-10-23',
              },
            }
          : {}),
      })
      expect(imported.status).toBe(201)
      const ms = Math.round(performance.now() - started)
      const p = preview.body.preview
      console.log(
        `${r.file}: preview and import ${ms} ms (import alone ${imported.body.imported.ms} ms); ` +
          `${p.articles} articles: ${p.sure} sure, ${p.doubtful} doubtful, ${p.new} new, ${p.removed} removed; ` +
          `brackets ${p.counts.brackets.before} → ${p.counts.brackets.after}, options ${p.counts.options.before} → ${p.counts.options.after}\n` +
          matches
            .map(
              (m) =>
                `  ${m.label} ← ${m.matchedLabel ?? '—'} ${m.confidence} ${Math.round(m.similarity * 100)}%`,
            )
            .join('\n') +
          (p.matching.removed.length
            ? `\n  removed: ${p.matching.removed.map((x: { label: string }) => x.label).join(', ')}`
            : ''),
      )
      const parsed = parseNegotiatingText(draft(r.file), { file: `${r.file}.md` })
      if (!parsed.ok) throw new Error(parsed.error.message)
      // As a fresh Yjs document holds it: y-prosemirror 1.3.7 keeps no marks on inline atoms, so
      // a bracket on a placeholder alone ("[Placeholder for …]") moves after it in any import.
      const held = throughYjs(parsed.doc)
      const expected = outlineOf(held)
      const labelsOf = (doc: Node) => outlineOf(doc).map((a) => a.label)
      // The room's update reaches the client a fan-out window after the import's answer.
      const textsOf = (doc: Node, outline: { id: string }[]) =>
        outline.map((a) => articleText(doc, a.id)).join('\n')
      await waitFor(
        `the ${r.file} text`,
        () =>
          labelsOf(live.pmDoc()).join() === labelsOf(held).join() &&
          textsOf(live.pmDoc(), outlineOf(live.pmDoc())) === textsOf(held, expected),
      )
      const now = live.pmDoc()
      outlineOf(now).forEach((a, k) => {
        const source = expected[k]
        expect(articleText(now, a.id)).toBe(source && articleText(held, source.id))
      })
      expect(cleaningCounts(now)).toEqual(cleaningCounts(held))
      roundIds.push(imported.body.imported.round.id)
      if (i === 0) roundIds.unshift(imported.body.imported.closedRound)
    }

    const rounds = (await api('GET', '/paris/rounds')).body.rounds
    expect(rounds.map((r: { status: string }) => r.status)).toEqual([
      'closed',
      'closed',
      'closed',
      'open',
    ])

    const logged = (await api('GET', '/paris/events?type=text-imported')).body.events
    expect(logged.map((e: { data: { summary: string } }) => e.data.summary)).toEqual([
      expect.stringContaining(
        'imported the revised text as “Draft agreement of 4 December 2015”: 30 articles, 30 matched, 0 new, 0 removed',
      ),
      expect.stringContaining('“Draft agreement of 9 December 2015”: 29 articles, 29 matched'),
      expect.stringContaining('“Paris Agreement of 12 December 2015”: 29 articles, 29 matched'),
    ])

    // Article 2 in each round, and 2bis, which became Article 3 of the adopted text.
    const labels = async (id: string) =>
      (await api('GET', `/paris/articles/${id}/history`)).body.versions.map(
        (v: { roundId: string | null; label: string }) => [v.roundId ?? 'current', v.label],
      )
    const [oct, dec4, dec9] = roundIds
    expect(await labels(art2 as string)).toEqual([
      [oct, '2'],
      [dec4, '2'],
      [dec9, '2'],
      ['current', '2'],
    ])
    expect(await labels(art2bis as string)).toEqual([
      [oct, '2bis'],
      [dec4, '2bis'],
      [dec9, '2bis'],
      ['current', '3'],
    ])

    // Between 4 December and the adopted text, Article 2's brackets are removed.
    const diff = (await api('GET', `/paris/articles/${art2}/diff?from=${dec4}&to=current`)).body
    expect(diff.from).toMatchObject({ label: '2' })
    expect(diff.from.brackets).toBeGreaterThan(0)
    expect(diff.to).toMatchObject({ label: '2', brackets: 0 })
    expect(diff.brackets.removed).toBeGreaterThan(0)
    expect(diff.brackets.added).toBe(0)
    const removed = (diff.diff as { bracket?: string; text: string }[]).filter(
      (p) => p.bracket === 'removed',
    )
    expect(removed.length).toBeGreaterThan(0)
    expect(removed.every((p) => p.text === '[' || p.text === ']')).toBe(true)
  })
})
