import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Mapping } from 'prosemirror-transform'
import { ySyncPluginKey } from 'y-prosemirror'
import { newArticleId } from '../articles'

/** Key of the plugin that keeps article ids present and unique. */
export const articleIdsKey = new PluginKey('articleIds')

const isRemote = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true

/**
 * Repairs article ids after local changes (typically a paste, which copies `data-article-id`):
 * an empty id gets a fresh one, and of articles sharing an id, the one that already had it
 * keeps it (the first, if none did) while the others get fresh ids.
 */
export const articleIdsPlugin = () =>
  new Plugin({
    key: articleIdsKey,
    appendTransaction(transactions, oldState, newState) {
      // Remote changes were repaired by the client that made them; repairing them here too
      // would make every client race to rename the same article.
      if (!transactions.some((tr) => tr.docChanged && !isRemote(tr))) return null
      const mapping = new Mapping()
      for (const tr of transactions) mapping.appendMapping(tr.mapping)
      return repairArticleIds(oldState, newState, mapping)
    },
  })

/** The transaction that repairs article ids of `state`, or null if they are all fine. */
export function repairArticleIds(
  oldState: EditorState | null,
  state: EditorState,
  mapping: Mapping = new Mapping(),
): Transaction | null {
  const articles: { id: string; pos: number }[] = []
  state.doc.forEach((node, pos) => {
    if (node.type.name === 'article') articles.push({ id: String(node.attrs.id ?? ''), pos })
  })
  // Where each id lived before this change, mapped forward: that article is the original.
  const originalPos = new Map<string, number>()
  oldState?.doc.forEach((node, pos) => {
    const id = String(node.attrs.id ?? '')
    if (node.type.name !== 'article' || !id || originalPos.has(id)) return
    const mapped = mapping.mapResult(pos, 1)
    if (!mapped.deleted) originalPos.set(id, mapped.pos)
  })

  const keeper = new Map<string, number>()
  for (const { id, pos } of articles) {
    if (!id) continue
    if (!keeper.has(id) || originalPos.get(id) === pos) keeper.set(id, pos)
  }
  const taken = new Set(keeper.keys())
  let tr: Transaction | null = null
  for (const { id, pos } of articles) {
    if (id && keeper.get(id) === pos) continue
    let fresh = newArticleId()
    while (taken.has(fresh)) fresh = newArticleId()
    taken.add(fresh)
    tr ??= state.tr
    tr.setNodeAttribute(pos, 'id', fresh)
  }
  return tr
}
