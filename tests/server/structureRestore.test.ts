import type { Node } from 'prosemirror-model'
import { describe, expect, it } from 'vitest'
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { treatySchema } from '../../shared/schema'
import { waitFor, type CollabClient } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

// Deletes preamble paragraphs [from, to) as the editor would: a ProseMirror change of the doc
// read from the client's fragment, written back by y-prosemirror's `updateYFragment`.
function deletePreamble(client: CollabClient, from: number, to: number): void {
  const fragment = client.doc.getXmlFragment(TEXT_FRAGMENT)
  const { doc, meta } = initProseMirrorDoc(fragment, treatySchema)
  const preamble = doc.child(1)
  let start = doc.child(0).nodeSize + 1
  for (let i = 0; i < from; i++) start += preamble.child(i).nodeSize
  let end = start
  for (let i = from; i < to; i++) end += preamble.child(i).nodeSize
  const edited = doc.replace(start, end, doc.slice(start, start))
  client.doc.transact(() => updateYFragment(client.doc, fragment, edited, meta))
}

const articles = (doc: Node) =>
  doc.content.toJSON().filter((n: { type: string }) => n.type === 'article')

describe('structure restored by the server after concurrent edits', () => {
  const harness = useTestServer([], 'each')
  const connect = () => harness.connect('chair', 'ccm/text')

  it('gives an emptied preamble one empty paragraph, once, and loses nothing else', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    const before = a.pmDoc()
    const count = before.child(1).childCount
    const half = Math.floor(count / 2)
    expect(count).toBeGreaterThan(1)

    // a edits offline; b's half reaches the server first, then a reconnects with the other.
    a.provider.disconnect()
    deletePreamble(a, 0, half)
    deletePreamble(b, half, count)
    await waitFor('the server to have b', () => b.provider.synced)
    a.provider.connect()

    // Both halves gone, and the server's one empty paragraph in their place.
    const restored = (c: CollabClient) => {
      const preamble = c.pmDoc().child(1)
      return (
        preamble.type.name === 'preamble' && preamble.textContent === '' && preamble.childCount > 0
      )
    }
    await waitFor('a and b to get the preamble back, within the 10 s test bound', () =>
      [a, b].every(restored),
    )
    for (const c of [a, b]) {
      const doc = c.pmDoc()
      doc.check()
      expect(doc.child(1).toJSON()).toEqual({
        type: 'preamble',
        content: [{ type: 'paragraph', attrs: { label: '' } }],
      })
      expect(articles(doc)).toEqual(articles(before))
      expect(doc.child(0).toJSON()).toEqual(before.child(0).toJSON())
    }

    // A client that arrives afterwards reads the same, valid text: the fix-up was stored.
    const c = await connect()
    const fresh = c.pmDoc()
    expect(() => fresh.check()).not.toThrow()
    expect(fresh.toJSON()).toEqual(a.pmDoc().toJSON())
    expect(fresh.child(1).childCount).toBe(1)
  })
})
