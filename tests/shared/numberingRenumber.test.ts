import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { flatClauses, outlineOf } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'
import { article_title, numbered_paragraph, paragraph, treaty } from '../support/builders'

// An article with a fixed label (or none), its clauses as [label, text] ('' = derived).
const labelled = (id: string, label: string, ...clauses: [string, string][]): Node =>
  treatySchema.node('article', { id, label }, [
    article_title(`Title ${id}`),
    ...clauses.map(([l, text]) =>
      treatySchema.node('numbered_paragraph', { label: l }, treatySchema.text(text)),
    ),
  ])

describe('numbers frozen, and from order for the chair’s renumbering', () => {
  it('labels an article inserted after a fixed 2 as 2 bis, and keeps the fixed ones after it', () => {
    const text = treaty(
      labelled('a', '1', ['1.', 'One.']),
      labelled('b', '2', ['1.', 'One.']),
      labelled('new', ''),
      labelled('c', '3', ['1.', 'One.']),
    )
    expect(outlineOf(text).map((a) => [a.label, a.number, a.fixed])).toEqual([
      ['1', 1, true],
      ['2', 2, true],
      ['2 bis', 3, false],
      ['3', 4, true],
    ])
  })

  it('labels a clause inserted after a fixed 1. as 1 bis. unless asked for numbers from order', () => {
    const art = labelled('a', '1', ['1.', 'One.'], ['', 'Inserted.'], ['2.', 'Two.'])
    expect(flatClauses(art).map((c) => c.label)).toEqual(['1.', '1 bis.', '2.'])
    expect(flatClauses(art, { fromOrder: true }).map((c) => c.label)).toEqual(['1.', '2.', '3.'])
    // Fixed labels of any shape give way to order; unnumbered paragraphs stay unnumbered.
    const odd = treatySchema.node('article', { id: 'x' }, [
      article_title('X'),
      treatySchema.node('numbered_paragraph', { label: '4.1 alt' }, treatySchema.text('Alt.')),
      paragraph('Chapeau.'),
      numbered_paragraph('Next.'),
    ])
    expect(flatClauses(odd).map((c) => c.label)[0]).toBe('4.1 alt')
    expect(flatClauses(odd, { fromOrder: true }).map((c) => c.label)).toEqual(['1.', '', '2.'])
  })
})
