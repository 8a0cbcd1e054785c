import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import {
  incorporate,
  rangeWithin,
  type IncorporateFacts,
} from '../../../shared/domain/proposals/incorporate'
import type { ProposalParams } from '../../../shared/domain/proposals/types'
import { wordingSchema } from '../../../shared/schema'
import {
  article,
  article_title,
  numbered_paragraph,
  paragraph,
  subparagraph,
  treaty,
} from '../../support/builders'

type Clause = [type: 'paragraph' | 'numbered_paragraph' | 'subparagraph' | 'item', text: string]

// A proposal's wording, as its draft room holds it (wordingSchema).
const wording = (clauses: Clause[], title?: string): Node =>
  wordingSchema.node('doc', null, [
    ...(title ? [wordingSchema.node('article_title', null, [wordingSchema.text(title)])] : []),
    ...clauses.map(([type, text]) => wordingSchema.node(type, null, [wordingSchema.text(text)])),
  ])

const facts = (
  kind: ProposalParams['kind'],
  articleId: string | null = 'art-2',
): IncorporateFacts => ({
  params: { kind } as ProposalParams,
  articleId,
})

const tagged = (d: Node) => (d as Node & { tag: Record<string, number> }).tag
const range = (d: Node) => ({
  from: tagged(d).a as number,
  to: (tagged(d).b ?? tagged(d).a) as number,
})

const scope = (body: Node) => article('art-1', article_title('Object'), paragraph('No use.'), body)

function applied(before: Node, kind: ProposalParams['kind'], w: Node | null, opts = {}) {
  const result = incorporate(before, facts(kind), range(before), w, opts)
  if (!result.ok) throw new Error(result.reason)
  return result.doc
}

describe('incorporate', () => {
  const art2 = (...clauses: (Node | string)[]) =>
    article('art-2', article_title('Definitions'), ...clauses)

  it('replaces words inside one clause inline, keeping the words around them', () => {
    const before = treaty(art2(numbered_paragraph('within <a>ten<b> years')))
    const after = applied(before, 'deadline-change', wording([['paragraph', 'five']]))
    expect(after.eq(treaty(art2(numbered_paragraph('within five years'))))).toBe(true)
  })

  it('splits a clause to insert several clauses of wording', () => {
    const before = treaty(
      art2(numbered_paragraph('It means <a>a munition<b>, except:'), numbered_paragraph('Next.')),
    )
    const after = applied(
      before,
      'exemption',
      wording([
        ['subparagraph', 'a munition that has fewer than ten submunitions;'],
        ['subparagraph', 'a munition with a self-destruct device.'],
      ]),
    )
    const expected = treaty(
      art2(
        numbered_paragraph('It means '),
        subparagraph('a munition that has fewer than ten submunitions;'),
        subparagraph('a munition with a self-destruct device.'),
        numbered_paragraph(', except:'),
        numbered_paragraph('Next.'),
      ),
    )
    expect(after.eq(expected)).toBe(true)
  })

  it('replaces a whole clause with several, dropping the emptied clause', () => {
    const before = treaty(art2(numbered_paragraph('<a>Old text.<b>'), numbered_paragraph('Keep.')))
    const after = applied(
      before,
      'replacement',
      wording([
        ['numbered_paragraph', 'A.'],
        ['subparagraph', 'B.'],
      ]),
    )
    expect(
      after.eq(
        treaty(art2(numbered_paragraph('A.'), subparagraph('B.'), numbered_paragraph('Keep.'))),
      ),
    ).toBe(true)
  })

  it('deletes words, a whole clause, or across clauses without joining them', () => {
    const inline = treaty(art2(numbered_paragraph('shall <a>not <b>apply')))
    expect(
      applied(inline, 'deletion', null).eq(treaty(art2(numbered_paragraph('shall apply')))),
    ).toBe(true)

    const whole = treaty(art2(numbered_paragraph('One.'), numbered_paragraph('<a>Two.<b>')))
    expect(
      applied(whole, 'deletion', wording([['paragraph', 'ignored']])).eq(
        treaty(art2(numbered_paragraph('One.'))),
      ),
    ).toBe(true)

    const across = treaty(art2(numbered_paragraph('One <a>two.'), subparagraph('three<b> four.')))
    expect(
      applied(across, 'deletion', null).eq(
        treaty(art2(numbered_paragraph('One '), subparagraph(' four.'))),
      ),
    ).toBe(true)
  })

  it('refuses a deletion of nothing', () => {
    const before = treaty(art2(numbered_paragraph('shall <a>apply')))
    expect(incorporate(before, facts('deletion'), range(before), null)).toEqual({
      ok: false,
      reason: 'A deletion needs the words it deletes.',
    })
  })

  it('inserts an addition at a point, inline or as clauses between clauses', () => {
    const point = treaty(art2(numbered_paragraph('each State Party<a> undertakes')))
    expect(
      applied(point, 'addition', wording([['paragraph', ' never, under any circumstances,']])).eq(
        treaty(
          art2(numbered_paragraph('each State Party never, under any circumstances, undertakes')),
        ),
      ),
    ).toBe(true)

    const between = treaty(art2(numbered_paragraph('One.'), '<a>', numbered_paragraph('Three.')))
    expect(
      applied(between, 'addition', wording([['numbered_paragraph', 'Two.']])).eq(
        treaty(
          art2(
            numbered_paragraph('One.'),
            numbered_paragraph('Two.'),
            numbered_paragraph('Three.'),
          ),
        ),
      ),
    ).toBe(true)
  })

  it('adds after the anchored words, keeping them', () => {
    const before = treaty(art2(numbered_paragraph('within <a>ten years<b>.')))
    expect(
      applied(before, 'addition', wording([['paragraph', ' of entry into force']])).eq(
        treaty(art2(numbered_paragraph('within ten years of entry into force.'))),
      ),
    ).toBe(true)
  })

  it('inserts a new article after the named one, or at the end, with the given id', () => {
    const before = treaty(scope(paragraph('x')), art2(numbered_paragraph('y')))
    const w = wording(
      [['numbered_paragraph', 'Each State Party shall assist victims.']],
      'Victim assistance',
    )
    const result = incorporate(before, facts('new-article', 'art-1'), null, w, {
      newArticleId: 'art-24',
    })
    expect(result.ok && result.doc.child(3).attrs.id).toBe('art-24')
    expect(result.ok && result.doc.child(3).textContent).toBe(
      'Victim assistanceEach State Party shall assist victims.',
    )
    const atEnd = incorporate(before, facts('new-article', null), null, w, {
      newArticleId: 'art-24',
    })
    expect(atEnd.ok && atEnd.doc.lastChild?.attrs.id).toBe('art-24')
    expect(
      incorporate(before, facts('new-article'), null, wording([['paragraph', 'x']]), {
        newArticleId: 'n',
      }),
    ).toEqual({
      ok: false,
      reason: 'A new article needs a title.',
    })
    expect(() => incorporate(before, facts('new-article'), null, w)).toThrow(RangeError)
    expect(() =>
      incorporate(before, facts('new-article'), null, w, { newArticleId: 'art-1' }),
    ).toThrow(RangeError)
  })

  it('refuses a range across articles, in the wrong article, in a title or unanchored', () => {
    const before = treaty(scope(paragraph('the <a>end')), art2(numbered_paragraph('start<b> here')))
    const w = wording([['paragraph', 'x']])
    expect(incorporate(before, facts('replacement'), range(before), w)).toEqual({
      ok: false,
      reason: 'The anchored range must lie inside one article.',
    })
    const other = treaty(scope(paragraph('<a>words<b>')), art2(numbered_paragraph('y')))
    expect(incorporate(other, facts('replacement'), range(other), w)).toEqual({
      ok: false,
      reason: 'The anchored words are not in article art-2.',
    })
    const inTitle = treaty(article('art-2', article_title('<a>Defi<b>nitions'), paragraph('y')))
    expect(incorporate(inTitle, facts('replacement'), range(inTitle), w).ok).toBe(false)
    expect(incorporate(other, facts('replacement'), null, w)).toEqual({
      ok: false,
      reason: 'The words this proposal amends are no longer in the text.',
    })
    expect(incorporate(other, facts('replacement', 'art-9'), { from: 1, to: 1 }, w)).toEqual({
      ok: false,
      reason: 'Article art-9 is not in the text.',
    })
  })

  it('refuses a title in the wording of anything but a new article', () => {
    const before = treaty(art2(numbered_paragraph('<a>x<b>')))
    const w = wording([['paragraph', 'y']], 'A title')
    expect(incorporate(before, facts('replacement'), range(before), w).ok).toBe(false)
  })
})

describe('rangeWithin', () => {
  it('accepts ranges in the clauses of the article, nowhere else', () => {
    const d = treaty(
      scope(paragraph('<a>ab<b>')),
      article('art-2', article_title('T'), paragraph('c')),
    )
    const { from, to } = range(d)
    expect(rangeWithin(d, 'art-1', from, to)).toBe(true)
    expect(rangeWithin(d, 'art-2', from, to)).toBe(false)
    expect(rangeWithin(d, 'art-1', to, from)).toBe(false)
    expect(rangeWithin(d, 'art-1', from, d.content.size + 5)).toBe(false)
    expect(rangeWithin(d, 'art-1', 0, 0)).toBe(false)
  })
})
