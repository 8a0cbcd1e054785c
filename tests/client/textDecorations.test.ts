import type { Node } from 'prosemirror-model'
import { EditorState, TextSelection } from 'prosemirror-state'
import type { Decoration } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { treatySchema as s } from '../../shared/schema'
import { insertArticleAfter } from '../../client/src/editor/commands/articleCommands'
import { bracketsKey, bracketsPlugin } from '../../client/src/editor/plugins/bracketsPlugin'
import { labelsKey, labelsPlugin } from '../../client/src/editor/plugins/labelsPlugin'
import { article, article_title, numbered_paragraph, paragraph, treaty } from '../support/builders'

const b = (id: string, alt = 0) => s.marks.bracket!.create({ id, alt })

const doc = () =>
  treaty(
    article(
      'art-1',
      article_title('Scope'),
      numbered_paragraph(
        s.text('Parties '),
        s.text('shall', [b('x', 0)]),
        s.text('should', [b('x', 1)]),
        s.text(' act'),
        s.node('footnote', { id: 'f1', text: 'A note.' }),
      ),
      s.node('options', { id: 'o1' }, [
        s.node('option', null, [numbered_paragraph('One.')]),
        s.node('option', null, []),
      ]),
      numbered_paragraph('After.'),
    ),
    s.node('article', { id: 'art-2', label: '', bracketed: true }, [
      article_title('Finance'),
      paragraph(s.text('Each Party '), s.text('may', [b('y')]), s.text(' pay.')),
    ]),
  )

const stateOf = (d: Node) =>
  EditorState.create({ schema: s, doc: d, plugins: [labelsPlugin(), bracketsPlugin()] })

const byPosition = (list: Decoration[]) => [...list].sort((a, b) => a.from - b.from || b.to - a.to)

// Every label shown, as "text of the node: label", in document order.
function labels(state: EditorState): string[] {
  const set = labelsKey.getState(state)!.set
  return byPosition(set.find()).map((d: Decoration) => {
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    const node = state.doc.nodeAt(d.from)!
    const empty = attrs.class === 'option-empty' ? ' (No text)' : ''
    return `${node.textContent.slice(0, 12)}: ${attrs['data-shown-label']}${empty}`
  })
}

// The brackets and footnote numbers shown, each with the words just after it.
function marks(state: EditorState): string[] {
  const set = bracketsKey.getState(state)!.set
  return byPosition(set.find())
    .filter((d) => d.from === d.to || d.spec.key === undefined)
    .map((d) => {
      const after = state.doc.textBetween(d.from, Math.min(d.from + 5, state.doc.content.size))
      return `${String(d.spec.key ?? 'footnote').split('-')[0]}@${after}`
    })
}

describe('labels and brackets drawn as decorations', () => {
  it('labels articles, clauses through options, empty options, and a bracketed article', () => {
    expect(labels(stateOf(doc()))).toEqual([
      'Scope: Article 1',
      'Parties shal: 1.',
      'One.: Option 1:',
      'One.: 2.',
      ': Option 2: (No text)',
      'After.: 3.',
      'Finance: [Article 2]',
    ])
  })

  it('draws "[", "][" and "]" where the spans open, change and close, and numbers footnotes', () => {
    expect(marks(stateOf(doc()))).toEqual([
      'open@shall',
      'alt@shoul',
      'close@ act',
      'footnote@',
      // The list of the article's footnotes, at its end (before Article 2's title).
      'footnotes@Fi',
      'open@may p',
      'close@ pay.',
    ])
  })

  it('keeps both right while the text changes: typing, a new article inserted', () => {
    let state = stateOf(doc())
    // Typing in Article 1 moves its brackets; Article 2's stay as they were.
    const paragraph = state.doc.child(2).child(1)
    let start = 0
    state.doc.descendants((node, pos) => {
      if (node === paragraph) start = pos + 1
      return start === 0
    })
    state = state.apply(state.tr.insertText('The ', start))
    expect(marks(state)[0]).toBe('open@shall')
    expect(labels(state)[1]).toBe('The Parties : 1.')
    // A new article after Article 1: the one after it is now Article 3.
    const inFirst = TextSelection.create(state.doc, start)
    state = state.apply(state.tr.setSelection(inFirst))
    insertArticleAfter(state, (tr) => (state = state.apply(tr)))
    expect(labels(state).filter((l) => l.includes('Article'))).toEqual([
      'Scope: Article 1',
      ': Article 2',
      'Finance: [Article 3]',
    ])
    expect(labels(state)).toEqual(labels(stateOf(state.doc)))
    expect(marks(state)).toEqual(marks(stateOf(state.doc)))
  })
})
