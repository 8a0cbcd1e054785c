import type { Node } from 'prosemirror-model'

/**
 * A revised text with the ids it takes when it replaces the current one: the i-th article takes
 * `ids[i]` (the current article it continues, so that history, proposals and notes follow it),
 * or a fresh id when null; a heading keeps the id of a current heading of the same kind and
 * words, else takes a fresh one. Fresh ids never repeat an id of the current text or of this
 * call. Only ids change: the revised text's content and labels stay as imported.
 */
export function withContinuedIds(
  revised: Node,
  ids: readonly (string | null)[],
  current: Node,
  freshId: () => string,
): Node {
  const taken = new Set<string>()
  const headingIds = new Map<string, string>()
  current.forEach((node) => {
    if (node.type.name === 'article' || node.type.name === 'heading') {
      taken.add(String(node.attrs.id))
    }
    if (node.type.name === 'heading') {
      headingIds.set(`${node.attrs.kind}\u0000${node.textContent}`, String(node.attrs.id))
    }
  })
  for (const id of ids) if (id !== null) taken.add(id)
  const fresh = () => {
    for (;;) {
      const id = freshId()
      if (!taken.has(id)) {
        taken.add(id)
        return id
      }
    }
  }
  let index = 0
  const children: Node[] = []
  revised.forEach((node) => {
    if (node.type.name === 'article') {
      const id = ids[index++] ?? fresh()
      children.push(node.type.create({ ...node.attrs, id }, node.content, node.marks))
    } else if (node.type.name === 'heading') {
      const key = `${node.attrs.kind}\u0000${node.textContent}`
      const kept = headingIds.get(key)
      headingIds.delete(key)
      children.push(node.type.create({ ...node.attrs, id: kept ?? fresh() }, node.content))
    } else children.push(node)
  })
  return revised.type.create(revised.attrs, children, revised.marks)
}
