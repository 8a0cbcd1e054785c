import { readFileSync } from 'node:fs'
import type { Node } from 'prosemirror-model'
import { parseTreatyText } from '../../../shared/domain/importText'

/** The Convention on Cluster Munitions as imported (fixtures/ccm-2008.txt). */
export function ccmDoc(): Node {
  const text = readFileSync(new URL('../../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')
  const result = parseTreatyText(text)
  if (!result.ok) throw new Error(result.error.message)
  return result.doc
}
