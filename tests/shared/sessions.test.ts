import { describe, expect, it } from 'vitest'
import { findArticleNode } from '../../shared/domain/articleText'
import { diffText } from '../../shared/domain/diff'
import {
  appliedSummary,
  applySessionArticle,
  articleHeading,
  comparableText,
  sessionDay,
  sessionDoc,
  sessionSource,
} from '../../shared/domain/sessionText'
import { treatySchema } from '../../shared/schema'
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

const scope = article('art-1', article_title('Scope'), numbered_paragraph('This applies.'))
const definitions = article(
  'art-2',
  article_title('Definitions'),
  numbered_paragraph('“Cluster munition” means a conventional munition.'),
)
const obligations = article('art-3', article_title('Obligations'), numbered_paragraph('Never use.'))
const main = doc(
  title('Convention'),
  preamble(paragraph('Recalling')),
  scope,
  definitions,
  obligations,
)

describe("a session's text", () => {
  it('copies the title, an empty preamble and only its articles, with their ids and labels', () => {
    const { doc: copy, missing } = sessionDoc(main, ['art-2'])
    expect(missing).toEqual([])
    expect(copy.childCount).toBe(3)
    expect(copy.child(0).textContent).toBe('Convention')
    expect(copy.child(1).type.name).toBe('preamble')
    expect(copy.child(1).childCount).toBe(1)
    expect(copy.child(1).textContent).toBe('')
    const copied = findArticleNode(copy, 'art-2')
    expect(copied?.content.eq(definitions.content)).toBe(true)
    // Article 2 of a text never circulated keeps its number in a text of its own.
    expect(copied?.attrs.label).toBe('2')
    expect(() => copy.check()).not.toThrow()
  })

  it('keeps the main text’s order and a fixed label, and names the articles it lacks', () => {
    const fixed = treatySchema.node('article', { id: 'art-3', label: '3bis' }, obligations.content)
    const text = treaty(scope, definitions, fixed)
    const { doc: copy, missing } = sessionDoc(text, ['art-3', 'art-gone', 'art-1'])
    expect(missing).toEqual(['art-gone'])
    const ids: string[] = []
    copy.forEach((n) => n.type.name === 'article' && ids.push(String(n.attrs.id)))
    expect(ids).toEqual(['art-1', 'art-3'])
    expect(findArticleNode(copy, 'art-3')?.attrs.label).toBe('3bis')
  })

  it('brings one article into the main text, its attributes kept and the rest untouched', () => {
    const { doc: copy } = sessionDoc(main, ['art-2'])
    const worded = article(
      'art-2',
      article_title('Definitions and scope'),
      numbered_paragraph('“Cluster munition” means a munition designed to disperse submunitions.'),
    )
    const session = copy.copy(copy.content.replaceChild(2, worded))
    const applied = applySessionArticle(main, session, 'art-2')
    if (!applied.ok) throw new Error(applied.reason)
    const after = findArticleNode(applied.doc, 'art-2')
    expect(after?.content.eq(worded.content)).toBe(true)
    // The session's derived label does not become a fixed one in the main text.
    expect(after?.attrs.label).toBe('')
    expect(applied.doc.child(2).eq(scope)).toBe(true)
    expect(applied.doc.child(4).eq(obligations)).toBe(true)
    expect(articleHeading(applied.doc, 'art-2')).toBe('Article 2 — Definitions and scope')

    const before = comparableText(main, 'art-2') ?? ''
    const now = comparableText(applied.doc, 'art-2') ?? ''
    expect(before.split('\n')[0]).toBe('Definitions')
    const diff = diffText(before, now)
    expect(diff.parts.some((p) => p.op === 'insert' && p.text.includes('scope'))).toBe(true)
  })

  it('refuses an article the main text or the session no longer has', () => {
    const { doc: copy } = sessionDoc(main, ['art-2'])
    expect(applySessionArticle(treaty(scope), copy, 'art-2')).toEqual({
      ok: false,
      reason: 'article-missing',
    })
    expect(applySessionArticle(main, copy, 'art-3')).toEqual({
      ok: false,
      reason: 'not-in-session-text',
    })
    expect(comparableText(main, 'art-9')).toBeNull()
    expect(articleHeading(main, 'art-9')).toBeNull()
  })

  it('names where applied wording came from', () => {
    const fop = { name: 'Friends of the President on Article 2', day: '2026-05-22' }
    expect(sessionDay('2026-05-22')).toBe('22 May')
    expect(sessionDay(null)).toBe('')
    expect(sessionSource(fop)).toBe('from the Friends of the President on Article 2, 22 May')
    expect(sessionSource({ name: 'The contact group', day: null })).toBe('from The contact group')
    expect(appliedSummary(fop)).toBe(
      'applied the wording from the Friends of the President on Article 2, 22 May',
    )
  })
})
