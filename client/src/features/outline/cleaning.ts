import type { Node } from 'prosemirror-model'
import { cleaningCounts, type CleaningCounts } from '../../../../shared/domain/brackets'

// Article nodes are persistent: one that did not change keeps its node, and its counts.
const cache = new WeakMap<Node, CleaningCounts>()

/** Brackets and option blocks per article id, counted again only for articles that changed. */
export function cleaningByArticle(doc: Node): Map<string, CleaningCounts> {
  const out = new Map<string, CleaningCounts>()
  doc.forEach((node) => {
    if (node.type.name !== 'article') return
    let counts = cache.get(node)
    if (!counts) {
      counts = cleaningCounts(node)
      cache.set(node, counts)
    }
    out.set(String(node.attrs.id), counts)
  })
  return out
}

/** "12 [ ] · 2 opt" for the badge, and its accessible name, or null when nothing is left. */
export function cleaningBadge(
  c: CleaningCounts | undefined,
): { text: string; label: string } | null {
  if (!c || (c.brackets === 0 && c.options === 0)) return null
  const parts: string[] = []
  const said: string[] = []
  if (c.brackets > 0) {
    parts.push(`${c.brackets} [ ]`)
    said.push(`${c.brackets} ${c.brackets === 1 ? 'bracket' : 'brackets'}`)
  }
  if (c.options > 0) {
    parts.push(`${c.options} opt`)
    said.push(`${c.options} ${c.options === 1 ? 'option block' : 'option blocks'}`)
  }
  return { text: parts.join(' · '), label: `${said.join(' and ')} left` }
}
