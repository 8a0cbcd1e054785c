import type { Node } from 'prosemirror-model'
import type { Command } from 'prosemirror-state'
import { EditorState, TextSelection } from 'prosemirror-state'
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { flatClauses } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'
import type { CollabClient } from './collabClient'

/**
 * Runs an editor command on a client's copy of the text as the browser's editor would: the text
 * read through y-prosemirror, the selection on the first clause of an article (in reading order,
 * through option blocks) holding `words` (a caret where `words` has a "|"), the command run, and the new document written back by `updateYFragment`, as the sync
 * plugin does, in one Yjs transaction. Throws if the command refuses.
 */
export function runCommand(
  client: CollabClient,
  articleId: string,
  words: string,
  command: Command,
): void {
  const fragment = client.doc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, meta } = initProseMirrorDoc(fragment, treatySchema)
  const bar = words.indexOf('|')
  const range = findWords(doc, articleId, words.replace('|', ''))
  if (!range) throw new Error(`“${words}” is not in ${articleId}`)
  const selection =
    bar >= 0
      ? TextSelection.create(doc, range.from + bar)
      : TextSelection.create(doc, range.from, range.to)
  const state = EditorState.create({ schema: treatySchema, doc, selection })
  let next = state
  if (!command(state, (tr) => (next = state.apply(tr)))) {
    throw new Error(`the command refused “${words}”`)
  }
  client.doc.transact(() => updateYFragment(client.doc, fragment, next.doc, meta))
}

// The first occurrence of words within one clause of an article (clauses of text only).
function findWords(
  doc: Node,
  articleId: string,
  words: string,
): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null
  doc.forEach((article, articlePos) => {
    if (found || article.type.name !== 'article' || article.attrs.id !== articleId) return
    for (const clause of flatClauses(article)) {
      // Inline content of the demo text is text only, so offsets in it are positions.
      const at = clause.node.textContent.indexOf(words)
      if (at < 0) continue
      const from = articlePos + 1 + clause.pos + 1 + at
      found = { from, to: from + words.length }
      return
    }
  })
  return found
}
