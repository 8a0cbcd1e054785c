import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { bracketedTexts, cleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { treatySchema } from '../../shared/schema'

// What a room stores is what everyone reads: an imported draft must come back from its Yjs
// document exactly as parsed — y-prosemirror drops what it cannot store (marks on inline nodes,
// elements the schema refuses), and the brackets on them would vanish for every client.
describe.each(['23-oct-2015', '4-dec-2015', '9-dec-2015', '12-dec-2015'])(
  'the Paris draft %s in a shared document',
  (name) => {
    it('reads back equal to the parsed document, brackets and all', () => {
      const text = readFileSync(new URL(`../../fixtures/paris/${name}.md`, import.meta.url), 'utf8')
      const parsed = parseNegotiatingText(text, { format: 'markdown', file: `${name}.md` })
      if (!parsed.ok) throw new Error(parsed.error.message)
      const ydoc = new Y.Doc()
      prosemirrorToYXmlFragment(parsed.doc, ydoc.getXmlFragment(TEXT_FRAGMENT))
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc))
      const read = yXmlFragmentToProseMirrorRootNode(
        copy.getXmlFragment(TEXT_FRAGMENT),
        treatySchema,
      )
      expect(cleaningCounts(read)).toEqual(cleaningCounts(parsed.doc))
      expect(bracketedTexts(read)).toEqual(bracketedTexts(parsed.doc))
      expect(read.eq(parsed.doc)).toBe(true)
    })
  },
)
