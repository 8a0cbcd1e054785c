import type { Node } from 'prosemirror-model'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import {
  ChangeSetReview,
  changeSetIntro,
  type ChangeSetReviewProps,
} from '../../client/src/offline/ChangeSetReview'
import { offlineChanges } from '../../shared/domain/offlineChanges'
import {
  article,
  article_title,
  doc,
  numbered_paragraph,
  paragraph,
  preamble,
  title,
  treaty,
} from '../support/builders'

const art = (id: string, heading: string, ...words: string[]) =>
  article(id, article_title(heading), ...words.map((w) => numbered_paragraph(w)))
const a1 = art('a1', 'Scope', 'This applies.')
const a2 = art('a2', 'Definitions', 'A munition means a thing.')
const a3 = art('a3', 'Obligations', 'Each Party shall act.', 'It shall report.')
const base = treaty(a1, a2, a3)
const edited = art('a3', 'Obligations', 'Each Party shall act promptly.', 'It shall report.')
const changes = offlineChanges(base, treaty(a1, a2, edited))

const render = (props: Partial<ChangeSetReviewProps> & { current: Node | null }) =>
  renderToStaticMarkup(
    createElement(ChangeSetReview, {
      changes,
      canApply: true,
      onApply: () => {},
      onDrop: () => {},
      onExport: () => {},
      ...props,
    }),
  )

// The markup's text without tags, spaces collapsed.
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()

describe('ChangeSetReview', () => {
  it('shows the section, its intro, each entry and its diff of current → offline wording', () => {
    const html = render({ current: base })
    expect(html).toContain(
      '<section id="changes-made-offline" class="change-set" aria-label="Changes made offline"',
    )
    const text = textOf(html)
    expect(text).toContain(
      'Changes made offline You changed 1 article while offline. Review each change against the current text before it goes in.',
    )
    expect(text).toContain('Article 3 — changed offline')
    // The word, or on a machine busy enough to reach the diff's timed cut-off, its paragraph.
    expect(html).toMatch(/<ins>[^<]*promptly[^<]*<\/ins>/)
    expect(text).toContain('Export local copy')
    expect(text).not.toContain('Changed on the server since you went offline')
    expect(html).toMatch(/<button[^>]*>Apply to the text<\/button>/)
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Apply to the text/)
  })

  it('says when the part changed on the server meanwhile', () => {
    const other = art('a3', 'Obligations', 'Each Party shall act now.', 'It shall report.')
    const text = textOf(render({ current: treaty(a1, a2, other) }))
    expect(text).toContain(
      'Changed on the server since you went offline: compare with the current wording below.',
    )
  })

  it('disables Apply with the reason when the person may no longer edit', () => {
    const html = render({ current: base, canApply: false, cannotApplyReason: 'Observer now.' })
    expect(textOf(html)).toContain('Observer now.')
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Apply to the text/)
    expect(html).toMatch(/<button[^>]*>Drop<\/button>/)
  })

  it('disables Apply for an article gone from the current text, saying so', () => {
    const html = render({ current: treaty(a1, a2) })
    expect(textOf(html)).toContain('This article is no longer in the current text')
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Apply to the text/)
  })

  it('renders nothing for an empty change set', () => {
    expect(render({ current: base, changes: [] })).toBe('')
  })

  it('counts title, preamble and articles in its intro', () => {
    const local = doc(title('T2'), preamble(paragraph('Noting')), a1, edited)
    expect(changeSetIntro(offlineChanges(base, local))).toBe(
      'You changed the title, the preamble and 2 articles while offline.',
    )
  })
})
