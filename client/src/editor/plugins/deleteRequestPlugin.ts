import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state'
import { articleAt } from '../articles'

/** Key of the plugin holding the id of an article the user asked to delete, awaiting confirmation. */
export const deleteRequestKey = new PluginKey<string | null>('deleteRequest')

/**
 * Remembers a pending "delete article" request, so that the confirmation dialog is plain editor
 * state: a command opens it, the dialog's answer closes it.
 */
export const deleteRequestPlugin = () =>
  new Plugin<string | null>({
    key: deleteRequestKey,
    state: {
      init: () => null,
      apply: (tr, value) => {
        const meta = tr.getMeta(deleteRequestKey) as string | null | undefined
        return meta === undefined ? value : meta
      },
    },
  })

/** Asks to delete the article holding the cursor (opens the confirmation). */
export const requestDeleteArticle: Command = (state, dispatch) => {
  const id = articleAt(state)?.node.attrs.id
  if (typeof id !== 'string') return false
  if (dispatch) dispatch(state.tr.setMeta(deleteRequestKey, id))
  return true
}

/** Drops a pending delete request (the dialog was answered or cancelled). */
export const clearDeleteRequest: Command = (state, dispatch) => {
  if (dispatch) dispatch(state.tr.setMeta(deleteRequestKey, null))
  return true
}

/** The id of the article awaiting delete confirmation, if any. */
export const pendingDelete = (state: EditorState): string | null =>
  deleteRequestKey.getState(state) ?? null
