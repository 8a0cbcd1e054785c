import type { Annotation } from '../../../shared/domain/annotations/types'
import type { PlacedAnnotation } from '../../../shared/domain/annotations/anchors'

/** An annotation with plain defaults, for unit tests of filters and exports. */
export function note(fields: Partial<PlacedAnnotation> & { id: string }): PlacedAnnotation {
  const base: Annotation = {
    groupId: 'cmc',
    articleId: 'art-1',
    anchor: { start: null, end: null, quote: 'the words' },
    body: 'A note',
    tags: [],
    authorAccountId: 'acc-ana',
    authorName: 'Ana',
    createdAt: '2008-02-18T09:00:00.000Z',
    resolved: false,
    replies: [],
    ...fields,
  }
  return { placement: { state: 'ok', from: 10, to: 19, text: 'the words' }, ...base, ...fields }
}
