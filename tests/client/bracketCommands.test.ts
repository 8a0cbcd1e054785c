import type { Node } from 'prosemirror-model'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { bracketedTexts, cleaningCounts } from '../../shared/domain/brackets'
import { flatClauses } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'
import {
  addAlternative,
  bracketSelection,
  cleanDelete,
  cleanKeep,
  toggleArticleBracket,
} from '../../client/src/editor/commands/bracketCommands'
import {
  addOption,
  deleteOption,
  keepOption,
  wrapInOptions,
} from '../../client/src/editor/commands/optionCommands'
import { pasteBracketsPlugin } from '../../client/src/editor/plugins/pasteBracketsPlugin'
import {
  alternativeInputPlugin,
  typeInAlternative,
} from '../../client/src/editor/plugins/alternativeInputPlugin'
import { article, article_title, numbered_paragraph, treaty } from '../support/builders'

const schema = treatySchema
const b = (id: string, alt = 0) => schema.marks.bracket!.create({ id, alt })

// A state with the selection on the first occurrence of `words` (or a caret before `words` when
// `caret` is given: "|" marks where in the words it stands).
function stateOn(doc: Node, words: string): EditorState {
  const state = EditorState.create({ schema, doc, plugins: [alternativeInputPlugin()] })
  const bar = words.indexOf('|')
  const plain = words.replace('|', '')
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0 || !node.isTextblock) return found < 0
    const text = node.textContent
    const at = text.indexOf(plain)
    if (at >= 0) {
      // Inline content here is text only, so offsets in textContent are positions.
      found = pos + 1 + at
    }
    return false
  })
  if (found < 0) throw new Error(`no “${plain}”`)
  const selection =
    bar >= 0
      ? TextSelection.create(doc, found + bar)
      : TextSelection.create(doc, found, found + plain.length)
  return state.apply(state.tr.setSelection(selection))
}

function run(state: EditorState, command: Command): EditorState {
  let next = state
  const done = command(state, (tr) => (next = state.apply(tr)))
  expect(done).toBe(true)
  expect(() => next.doc.check()).not.toThrow()
  return next
}

const texts = (state: EditorState) => bracketedTexts(state.doc.child(2))

const simple = () =>
  treaty(
    article(
      'art-1',
      article_title('Purpose'),
      numbered_paragraph('Parties shall act promptly.'),
      numbered_paragraph('Each Party shall report.'),
    ),
  )

describe('bracket commands', () => {
  it('brackets the selected words, nested inside another bracket and across two clauses', () => {
    let state = run(stateOn(simple(), 'shall act'), bracketSelection)
    expect(texts(state)).toEqual([
      'Purpose',
      'Parties [shall act] promptly.',
      'Each Party shall report.',
    ])
    state = run(stateOn(state.doc, 'act'), bracketSelection)
    expect(texts(state)[1]).toBe('Parties [shall [act]] promptly.')
    // From "promptly." across into the next clause: one span, one id in both clauses.
    const across = stateOn(state.doc, 'promptly.')
    const to = stateOn(across.doc, 'Each').selection.to
    state = run(
      across.apply(
        across.tr.setSelection(TextSelection.create(across.doc, across.selection.from, to)),
      ),
      bracketSelection,
    )
    expect(texts(state).slice(1)).toEqual([
      'Parties [shall [act]] [promptly.',
      'Each] Party shall report.',
    ])
    expect(cleaningCounts(state.doc.child(2)).brackets).toBe(3)
  })

  it('keeps spaces at the edges of the selection outside, and refuses a title', () => {
    const state = run(stateOn(simple(), ' shall '), bracketSelection)
    expect(texts(state)[1]).toBe('Parties [shall] act promptly.')
    expect(bracketSelection(stateOn(simple(), 'Purpose'))).toBe(false)
  })

  it('adds an alternative after the one at the cursor, selected to be typed over', () => {
    let state = run(stateOn(simple(), 'shall act'), bracketSelection)
    state = run(stateOn(state.doc, 'sh|all'), addAlternative)
    expect(texts(state)[1]).toBe('Parties [shall act][shall act] promptly.')
    const { from, to } = state.selection
    expect(state.doc.textBetween(from, to)).toBe('shall act')
    // Typed over the selection as the view's text input does, a letter at a time.
    for (const letter of 'should') {
      const typed = typeInAlternative(state, state.selection.from, state.selection.to, letter)
      state = state.apply(typed!)
    }
    expect(texts(state)[1]).toBe('Parties [shall act][should] promptly.')
    // A third between the two: the later one moves up.
    state = run(stateOn(state.doc, 'act|'), addAlternative)
    state = state.apply(typeInAlternative(state, state.selection.from, state.selection.to, 'must')!)
    // Once the caret leaves the new alternative, typing there is ordinary typing again.
    expect(typeInAlternative(state, state.selection.from, state.selection.from, 'x')).not.toBeNull()
    state = state.apply(state.tr.setSelection(TextSelection.atStart(state.doc)))
    expect(typeInAlternative(state, state.selection.from, state.selection.from, 'x')).toBeNull()
    expect(texts(state)[1]).toBe('Parties [shall act][must][should] promptly.')
    expect(cleaningCounts(state.doc).brackets).toBe(1)
  })

  it('cleans keeping the words, or one alternative and deleting the others', () => {
    const alternatives = treaty(
      article(
        'art-1',
        article_title('Purpose'),
        numbered_paragraph(
          schema.text('Parties '),
          schema.text('shall', [b('s', 0)]),
          schema.text('should', [b('s', 1)]),
          schema.text(' act '),
          schema.text('promptly', [b('p')]),
          schema.text('.'),
        ),
      ),
    )
    let state = run(stateOn(alternatives, 'sho|uld'), cleanKeep)
    expect(texts(state)[1]).toBe('Parties should act [promptly].')
    state = run(stateOn(state.doc, 'prompt|ly'), cleanKeep)
    expect(texts(state)[1]).toBe('Parties should act promptly.')
    expect(cleanKeep(stateOn(state.doc, 'act'))).toBe(false)
  })

  it('cleans deleting the words, tidying the spaces, and a clause that was all bracket', () => {
    const doc = treaty(
      article(
        'art-1',
        article_title('Purpose'),
        numbered_paragraph(
          schema.text('Parties shall act '),
          schema.text('promptly', [b('p')]),
          schema.text('.'),
        ),
        numbered_paragraph(schema.text('Each Party shall report.', [b('r')])),
      ),
    )
    let state = run(stateOn(doc, 'prompt|ly'), cleanDelete)
    expect(texts(state)).toEqual(['Purpose', 'Parties shall act.', '[Each Party shall report.]'])
    state = run(stateOn(state.doc, 'Each'), cleanDelete)
    expect(texts(state)).toEqual(['Purpose', 'Parties shall act.'])
  })

  it('gives pasted brackets fresh ids, so a copy is a span of its own', () => {
    const state = run(stateOn(simple(), 'shall act'), bracketSelection)
    const copied = state.doc.slice(state.selection.from, state.selection.to)
    const transform = pasteBracketsPlugin().props.transformPasted!
    const pasted = transform.call(undefined as never, copied, undefined as never, false)
    const at = stateOn(state.doc, 'Each Party shall |report').selection.from
    const next = state.apply(state.tr.replaceRange(at, at, pasted))
    expect(texts(next).slice(1)).toEqual([
      'Parties [shall act] promptly.',
      'Each Party shall [shall act]report.',
    ])
  })

  it('brackets a whole article and takes the brackets off again', () => {
    let state = run(stateOn(simple(), 'shall act'), toggleArticleBracket)
    expect(state.doc.child(2).attrs.bracketed).toBe(true)
    expect(cleaningCounts(state.doc).brackets).toBe(1)
    state = run(state, toggleArticleBracket)
    expect(state.doc.child(2).attrs.bracketed).toBe(false)
  })
})

const labels = (state: EditorState) =>
  flatClauses(state.doc.child(2)).map(
    (c) => `${c.path.map((p) => p.label).join('/')}|${c.label}|${c.node.textContent}`,
  )

describe('option commands', () => {
  it('wraps a paragraph in two options, the second a copy with its brackets renamed', () => {
    let state = run(stateOn(simple(), 'shall act'), bracketSelection)
    state = run(stateOn(state.doc, 'Parties'), wrapInOptions)
    expect(labels(state)).toEqual([
      'Option 1|1.|Parties shall act promptly.',
      'Option 2|1.|Parties shall act promptly.',
      '|2.|Each Party shall report.',
    ])
    // The caret is in Option 2; its bracket is a span of its own.
    expect(state.selection.$from.node(3).type.name).toBe('option')
    expect(state.selection.$from.index(2)).toBe(1)
    expect(cleaningCounts(state.doc)).toEqual({ brackets: 2, options: 1 })
  })

  it('adds a copy or a “No text” option, keeps one, deletes one', () => {
    let state = run(stateOn(simple(), 'Parties'), wrapInOptions)
    state = run(state, addOption(false))
    const block = () => state.doc.child(2).child(1)
    expect(block().childCount).toBe(3)
    expect(block().child(2).childCount).toBe(0)
    state = run(stateOn(state.doc, 'Part|ies'), addOption(true))
    expect(block().childCount).toBe(4)
    // The caret is in the second option; keeping it cleans the block away.
    state = run(stateOn(state.doc, 'Part|ies'), keepOption)
    expect(labels(state)).toEqual([
      '|1.|Parties shall act promptly.',
      '|2.|Each Party shall report.',
    ])
    expect(cleaningCounts(state.doc).options).toBe(0)

    state = run(stateOn(state.doc, 'Parties'), wrapInOptions)
    state = run(stateOn(state.doc, 'Part|ies'), deleteOption)
    expect(labels(state)[0]).toBe('|1.|Parties shall act promptly.')
    expect(keepOption(stateOn(state.doc, 'Parties'))).toBe(false)
  })

  it('numbers an added option after labelled ones', () => {
    const doc = treaty(
      article(
        'art-1',
        article_title('Purpose'),
        schema.node('options', { id: 'o1' }, [
          schema.node('option', { label: 'Option 1' }, [numbered_paragraph('One.')]),
          schema.node('option', { label: 'Option 2' }, [numbered_paragraph('Two.')]),
        ]),
      ),
    )
    let state = run(stateOn(doc, 'Two|.'), addOption(true))
    state = run(stateOn(state.doc, 'One|.'), addOption(false))
    expect(
      state.doc
        .child(2)
        .child(1)
        .content.content.map((o) => o.attrs.label),
    ).toEqual(['Option 1', 'Option 1 bis', 'Option 2', 'Option 3'])
  })
})
