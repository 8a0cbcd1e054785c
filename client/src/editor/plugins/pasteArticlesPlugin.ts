import { Plugin } from 'prosemirror-state'
import { treatySchema } from '../../../../shared/schema'
import { articleAt } from '../articles'

const { article } = treatySchema.nodes

/**
 * Pasting whole articles inserts them after the current article (or after the preamble),
 * rather than splitting the article the cursor is in around them. Their ids are made unique
 * by the article id plugin.
 */
export const pasteArticlesPlugin = () =>
  new Plugin({
    props: {
      handlePaste(view, _event, slice) {
        const { content } = slice
        let onlyArticles = content.childCount > 0
        content.forEach((node) => {
          if (node.type !== article) onlyArticles = false
        })
        if (!onlyArticles || slice.openStart > 0 || slice.openEnd > 0) return false
        const { state } = view
        const current = articleAt(state)
        const at = current
          ? current.pos + current.node.nodeSize
          : state.doc.child(0).nodeSize + state.doc.child(1).nodeSize
        view.dispatch(state.tr.insert(at, content).scrollIntoView())
        return true
      },
    },
  })
