import { Plugin } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'

const HINTS: Record<string, string> = {
  title: 'Title of the treaty',
  article_title: 'Title of the article',
}

/** Shows a grey hint ("Title of the article") in empty titles, via a `data-placeholder` attribute. */
export const placeholderPlugin = () =>
  new Plugin({
    props: {
      decorations(state) {
        const decorations: Decoration[] = []
        state.doc.descendants((node, pos) => {
          if (!node.isTextblock) return true
          const hint = HINTS[node.type.name]
          if (hint && node.content.size === 0) {
            decorations.push(
              Decoration.node(pos, pos + node.nodeSize, {
                class: 'is-empty',
                'data-placeholder': hint,
              }),
            )
          }
          return false
        })
        return DecorationSet.create(state.doc, decorations)
      },
    },
  })
