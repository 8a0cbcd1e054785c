import { useEffect, useState } from 'react'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT } from '../../../../shared/collab'
import { outlineOf, type ArticleSummary } from '../../../../shared/domain/numbering'
import { treatySchema } from '../../../../shared/schema'
import type { CollabRoom } from '../../collab/useCollabRoom'

/**
 * The articles of the text room as they are now (id, derived number, title), kept live without
 * an editor, for pages beside the text such as an article's history.
 */
export function useRoomArticles(room: CollabRoom | null): ArticleSummary[] {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const ydoc = room?.ydoc
  const synced = room?.synced ?? false
  useEffect(() => {
    if (!ydoc || !synced) return
    const fragment = ydoc.getXmlFragment(TEXT_FRAGMENT)
    const read = () => {
      try {
        setArticles(outlineOf(yXmlFragmentToProseMirrorRootNode(fragment, treatySchema)))
      } catch {
        // A text the schema cannot read yet (mid-sync) keeps the last good outline.
      }
    }
    // Someone typing changes the fragment at every keystroke: read it at most once a frame.
    let frame = 0
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), read()))
    }
    read()
    fragment.observeDeep(schedule)
    return () => {
      fragment.unobserveDeep(schedule)
      cancelAnimationFrame(frame)
    }
  }, [ydoc, synced])
  return articles
}
