import type { Mark, Node } from 'prosemirror-model'
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from 'prosemirror-state'

/** The alternative the chair has just added and is typing: the span's id and the alternative. */
interface Writing {
  id: string
  alt: number
}

const key = new PluginKey<Writing | null>('alternativeInput')

/** Marks `tr` as starting to write alternative `alt` of span `id` (addAlternative does). */
export const writingAlternative = (tr: Transaction, id: string, alt: number): Transaction =>
  tr.setMeta(key, { id, alt })

// The marks of the words of the alternative at or around `from`..`to`, if the words are there.
function marksOf(doc: Node, from: number, to: number, w: Writing): readonly Mark[] | null {
  const $from = doc.resolve(from)
  const pieces = from < to ? [doc.nodeAt(from)] : [$from.nodeBefore, $from.nodeAfter]
  for (const piece of pieces) {
    const mark = piece?.marks.find(
      (m) => m.type.name === 'bracket' && m.attrs.id === w.id && m.attrs.alt === w.alt,
    )
    if (piece && mark) return piece.marks
  }
  return null
}

/**
 * The transaction that types `text` over `from`..`to` inside the alternative being written, or
 * null when the caret is not (or no longer) on its words.
 */
export function typeInAlternative(
  state: EditorState,
  from: number,
  to: number,
  text: string,
): Transaction | null {
  const writing = key.getState(state)
  const marks = writing && marksOf(state.doc, from, to, writing)
  if (!marks) return null
  const tr = state.tr.replaceWith(from, to, state.schema.text(text, marks))
  return tr.setSelection(TextSelection.create(tr.doc, from + text.length)).scrollIntoView()
}

/**
 * Keeps what the chair types into a new alternative inside it. Bracket marks are not inclusive
 * (words typed after "[shall]" stay outside it), and typing over a selection takes only the marks
 * that continue after it, so without this what the chair types over a new alternative would land
 * after its "]". Active from `addAlternative` until the caret leaves the alternative's words.
 */
export const alternativeInputPlugin = () =>
  new Plugin<Writing | null>({
    key,
    state: {
      init: () => null,
      apply(tr, value, _old, state) {
        const started = tr.getMeta(key) as Writing | undefined
        if (started) return started
        if (!value) return null
        const { from, to } = state.selection
        return marksOf(state.doc, from, to, value) ? value : null
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        const tr = typeInAlternative(view.state, from, to, text)
        if (tr) view.dispatch(tr)
        return tr !== null
      },
    },
  })
