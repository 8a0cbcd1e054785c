import { Fragment, type Node } from 'prosemirror-model'
import { Plugin } from 'prosemirror-state'
import { treatySchema } from '../../../../shared/schema'
import { articleAt, articlesStart } from '../articles'

const { article, article_title } = treatySchema.nodes

// A pasted article without a title gets an empty one: it is a new element, so adding it here
// cannot race with anyone; an article already in the text only gets its title from the server.
const withTitles = (content: Fragment): Fragment => {
  const articles: Node[] = []
  content.forEach((node) => {
    articles.push(
      node.firstChild?.type === article_title
        ? node
        : node.copy(Fragment.from(article_title!.create()).append(node.content)),
    )
  })
  return Fragment.from(articles)
}

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
        const at = current ? current.pos + current.node.nodeSize : articlesStart(state.doc)
        view.dispatch(state.tr.insert(at, withTitles(content)).scrollIntoView())
        return true
      },
    },
  })
