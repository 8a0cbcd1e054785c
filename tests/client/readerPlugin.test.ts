import { EditorState, TextSelection } from 'prosemirror-state'
import { ySyncPluginKey } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import { treatySchema } from '../../shared/schema'
import { readerPlugin } from '../../client/src/editor/plugins/readerPlugin'
import { article, article_title, numbered_paragraph, treaty } from '../support/builders'

const doc = treaty(
  article('art-1', article_title('Scope'), numbered_paragraph('shall <a>not<b> apply')),
)
// The positions of the <a> and <b> markers in the built document.
const { a, b } = (doc as typeof doc & { tag: { a: number; b: number } }).tag
const reader = () => EditorState.create({ schema: treatySchema, doc, plugins: [readerPlugin()] })

describe('readerPlugin', () => {
  it('lets a reader move the caret and select words', () => {
    const state = reader()
    const next = state.applyTransaction(
      state.tr.setSelection(TextSelection.create(state.doc, a, b)),
    )
    expect(next.state.doc.textBetween(next.state.selection.from, next.state.selection.to)).toBe(
      'not',
    )
  })

  it('refuses every local change to the text', () => {
    const state = reader()
    for (const tr of [
      state.tr.insertText('x', a),
      state.tr.delete(a, b),
      state.tr.split(a),
      state.tr.replaceSelectionWith(treatySchema.text('pasted')),
    ]) {
      expect(state.applyTransaction(tr).state.doc.eq(doc)).toBe(true)
    }
  })

  it('applies the changes that come from the shared document', () => {
    const state = reader()
    const remote = state.tr.insertText('x', a).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(state.applyTransaction(remote).state.doc.textContent).toContain('shall xnot apply')
  })
})
