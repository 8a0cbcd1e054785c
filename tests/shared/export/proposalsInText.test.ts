import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import {
  treatyView,
  viewHtml,
  withProposals,
  type PlacedProposal,
} from '../../../shared/domain/export'
import { draftDoc } from './draftDoc'

// The document range of `words` inside the article `articleId`.
function rangeOf(doc: Node, articleId: string, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  doc.forEach((article, offset) => {
    if (article.attrs.id !== articleId) return
    article.descendants((n, pos) => {
      const at = n.isText ? (n.text ?? '').indexOf(words) : -1
      if (!found && at >= 0) {
        const from = offset + 1 + pos + at
        found = { from, to: from + words.length }
      }
    })
  })
  if (!found) throw new Error(`no "${words}" in ${articleId}`)
  return found
}

const proposal = (over: Partial<PlacedProposal>): PlacedProposal => ({
  id: 'p1',
  tabledSeq: 1,
  articleId: 'art-mitigation',
  range: null,
  newArticle: false,
  deletion: false,
  status: 'tabled',
  title: 'A proposal',
  sponsors: 'DEU, FRA',
  wording: 'Every Party',
  ...over,
})

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

describe('the "text with brackets" view of tabled proposals', () => {
  const doc = draftDoc()
  const placed = [
    proposal({ range: rangeOf(doc, 'art-mitigation', 'Each Party') }),
    proposal({
      id: 'p2',
      tabledSeq: 2,
      sponsors: 'BRA',
      status: 'bracketed',
      wording: 'All Parties <together>',
      range: rangeOf(doc, 'art-mitigation', 'Party'),
    }),
    proposal({
      id: 'p3',
      tabledSeq: 3,
      sponsors: 'NOR',
      status: 'deferred',
      deletion: true,
      wording: '',
      articleId: 'art-purpose',
      range: rangeOf(doc, 'art-purpose', ' fully'),
    }),
    proposal({
      id: 'p4',
      tabledSeq: 4,
      newArticle: true,
      sponsors: 'AOSIS',
      title: 'Loss and damage',
      wording: 'Parties recognize loss.',
      articleId: 'art-loss',
    }),
    proposal({
      id: 'p5',
      tabledSeq: 5,
      status: 'withdrawn',
      sponsors: 'XXX',
      range: rangeOf(doc, 'art-mitigation', 'shall'),
    }),
  ]
  const html = viewHtml(withProposals(doc, treatyView(doc), placed), { title: 'T' })

  it('brackets the words of overlapping proposals once, with Alt 1 and Alt 2 and the sponsors by code', () => {
    expect(words(html)).toContain(
      '4.1 alt[Each Party] {Alt 1 DEU, FRA: Every Party} {Alt 2 BRA (bracketed): All Parties <together>} shall communicate.',
    )
    expect(html).toContain('<b class="p-sponsors">DEU, FRA</b>')
    expect(html).toContain('All Parties &lt;together&gt;')
  })

  it("mutes a deferred proposal, says delete, and keeps the text's own brackets", () => {
    expect(words(html)).toContain('2 bis.cooperate][ fully] {NOR (deferred): delete}.')
    expect(html).toContain('<span class="p-br muted">[</span>')
    expect(html).toContain('<span class="proposal-note muted"')
  })

  it('shows a proposed new article after its article, and leaves closed proposals out', () => {
    expect(words(html)).toContain('AOSIS: [New article: Loss and damage] Parties recognize loss.')
    expect(html).not.toContain('XXX')
  })
})
