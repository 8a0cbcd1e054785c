import { describe, expect, it } from 'vitest'
import { EDITOR_ACTIONS } from '../../client/src/editor/actions'
import { ANNOTATE_KEY } from '../../client/src/features/annotations/annotateKeys'
import { PROPOSE_ARTICLE_KEY, PROPOSE_KEY } from '../../client/src/features/proposals/ProposalsBar'

// A key bound twice runs two commands at once for whoever may use both (the chair proposes and
// edits the text): every shortcut the text page offers must be its own.
describe('the text page’s shortcuts', () => {
  it('gives each key to one command only', () => {
    const keys = [
      ...EDITOR_ACTIONS.map((a) => a.key),
      PROPOSE_KEY,
      PROPOSE_ARTICLE_KEY,
      ANNOTATE_KEY,
    ].map((k) => k.toLowerCase())
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i)
    expect(repeated).toEqual([])
  })
})
