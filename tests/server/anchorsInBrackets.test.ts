import type { Command } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import {
  addAlternative,
  bracketSelection,
  cleanKeep,
} from '../../client/src/editor/commands/bracketCommands'
import { wrapInOptions } from '../../client/src/editor/commands/optionCommands'
import { bracketedTexts } from '../../shared/domain/brackets'
import { annotationAnchorOn, placementIn } from '../support/annotations'
import { waitFor } from '../support/collabClient'
import { runCommand } from '../support/editing'
import { anchorOn, anchoredWords } from '../support/proposals'
import { useTestServer } from '../support/serverHarness'

// The chair's "add alternative" and typing over the copy, as one command: the copy's marks on
// the new words.
const alternative =
  (words: string): Command =>
  (state, dispatch) =>
    addAlternative(state, (tr) => {
      const { from, to } = tr.selection
      const marks = tr.doc.nodeAt(from)?.marks ?? []
      dispatch?.(tr.replaceWith(from, to, state.schema.text(words, marks)))
    })

// Typing at the caret (the start of Option 2 after wrapping).
const typeAtCaret =
  (words: string): Command =>
  (state, dispatch) =>
    wrapInOptions(state, (tr) => dispatch?.(tr.insertText(words, tr.selection.from)))

describe('anchors inside brackets and options', () => {
  const { api, connect } = useTestServer(['chair', 'germany', 'observer'])

  it('anchors a proposal on an alternative and a note in an option, and both resolve', async () => {
    const chair = await connect('chair', 'ccm/text')
    const quote = 'designed to disperse or release explosive submunitions'
    runCommand(chair, 'art-2', quote, bracketSelection)
    runCommand(
      chair,
      'art-2',
      'designed to dis|perse',
      alternative('intended to scatter submunitions'),
    )
    runCommand(
      chair,
      'art-2',
      'designed to produce electrical or electronic effects',
      typeAtCaret('Alternatively, '),
    )
    const article2 = () => chair.pmDoc().child(3)
    expect(bracketedTexts(article2()).join('\n')).toContain(
      'that is [designed to disperse or release explosive submunitions][intended to scatter submunitions] each',
    )

    const germany = await connect('germany', 'ccm/text')
    await waitFor('Germany has the chair’s edits', () => germany.pmDoc().eq(chair.pmDoc()))
    // A proposal on words of the second alternative.
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'Scatter, not disperse',
      articleId: 'art-2',
      anchor: anchorOn(germany.doc, 'art-2', 'to scatter'),
    })
    expect(created.status).toBe(201)
    const id: string = created.body.proposal.id
    expect((await api('germany', 'POST', `/proposals/${id}/table`)).status).toBe(200)
    const shown = async () => (await api('observer', 'GET', `/proposals/${id}`)).body.proposal
    expect(await shown()).toMatchObject({ anchorState: 'ok', anchorText: 'to scatter' })

    // A note on words that stand only in Option 2.
    const noteAnchor = annotationAnchorOn(germany.doc, 'art-2', 'Alternatively, A munition')
    expect(placementIn(germany.doc, noteAnchor)).toMatchObject({
      state: 'ok',
      text: 'Alternatively, A munition',
    })

    // The chair cleans the bracket keeping the second alternative: both still resolve.
    runCommand(chair, 'art-2', 'intended to sca|tter', cleanKeep)
    await waitFor('Germany has the cleaning', () => germany.pmDoc().eq(chair.pmDoc()))
    expect(anchoredWords(germany.doc, created.body.proposal.anchor)).toBe('to scatter')
    // Germany had it from the server, which resolves on its own copy.
    expect(await shown()).toMatchObject({ anchorState: 'ok', anchorText: 'to scatter' })
    expect(placementIn(germany.doc, noteAnchor)).toMatchObject({ state: 'ok' })
  })
})
