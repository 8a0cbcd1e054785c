import { describe, expect, it } from 'vitest'
import { outlineOf, headingsOf } from '../../shared/domain/numbering'
import { withContinuedIds } from '../../shared/domain/revisionIds'
import { treatySchema } from '../../shared/schema'
import { article, article_title, numbered_paragraph, treaty } from '../support/builders'

const heading = (id: string, text: string) =>
  treatySchema.node('heading', { id, kind: 'instrument' }, treatySchema.text(text))

describe('withContinuedIds', () => {
  const current = treaty(
    article('art-a', article_title('Purpose'), numbered_paragraph('One')),
    article('art-b', article_title('General'), numbered_paragraph('Two')),
  )
  const withHeading = treatySchema.node('doc', null, [
    ...(current.content.content as never[]),
    heading('h-1', 'Draft decision'),
  ])

  it('gives matched articles their ids and new ones fresh ids that repeat none', () => {
    // The importer's own ids clash with the current ones on purpose.
    const revised = treaty(
      article('art-b', article_title('General'), numbered_paragraph('Two, revised')),
      article('art-a', article_title('Languages'), numbered_paragraph('New')),
      article('art-x', article_title('Purpose'), numbered_paragraph('One')),
    )
    const fresh = ['art-a', 'art-b', 'art-new']
    const out = withContinuedIds(
      revised,
      ['art-b', null, 'art-a'],
      current,
      () => fresh.shift() ?? '',
    )
    expect(outlineOf(out).map((a) => [a.id, a.title])).toEqual([
      ['art-b', 'General'],
      ['art-new', 'Languages'],
      ['art-a', 'Purpose'],
    ])
    out.check()
  })

  it('keeps the id of a heading with the same words, and gives others fresh ones', () => {
    const revised = treatySchema.node('doc', null, [
      ...(treaty(article('x', article_title('Purpose'))).content.content as never[]),
      heading('imp-1', 'Draft decision'),
      heading('imp-2', 'Annex'),
    ])
    let n = 0
    const out = withContinuedIds(revised, ['art-a'], withHeading, () => `fresh-${++n}`)
    expect(headingsOf(out).map((h) => h.id)).toEqual(['h-1', 'fresh-1'])
  })
})
