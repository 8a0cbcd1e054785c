import { Plugin } from 'prosemirror-state'
import type { Awareness } from 'y-protocols/awareness'
import { articleAt } from '../articles'

/** The awareness field holding the id of the article a user's cursor is in (or null). */
export const ARTICLE_FIELD = 'article'

/**
 * Publishes which article the local cursor is in as the awareness field `article` (its stable
 * id, so that every client shows the number it derives itself, even right after a renumbering).
 */
export const articlePresencePlugin = (awareness: Awareness) =>
  new Plugin({
    view(view) {
      let published: string | null | undefined
      const publish = () => {
        const id = articleAt(view.state)?.node.attrs.id
        const next = typeof id === 'string' && id ? id : null
        if (next === published) return
        published = next
        awareness.setLocalStateField(ARTICLE_FIELD, next)
      }
      publish()
      return { update: publish }
    },
  })
