import { Fragment, type Mark, type Node, type ResolvedPos } from 'prosemirror-model'
import { Selection, TextSelection, type Command } from 'prosemirror-state'
import { labelAfter } from '../../../../shared/domain/numbering'
import { treatySchema } from '../../../../shared/schema'
import { newId } from '../bracketRanges'

const { options, option } = treatySchema.nodes as Required<typeof treatySchema.nodes>

/** The option the position is in (the innermost), with its block. */
interface OptionAt {
  block: Node
  blockPos: number
  option: Node
  optionPos: number
  index: number
}

/** The innermost option holding `$pos`, or null outside option blocks. */
export function optionAt($pos: ResolvedPos): OptionAt | null {
  for (let d = $pos.depth; d > 1; d--) {
    if ($pos.node(d).type !== option) continue
    return {
      block: $pos.node(d - 1),
      blockPos: $pos.before(d - 1),
      option: $pos.node(d),
      optionPos: $pos.before(d),
      index: $pos.index(d - 1),
    }
  }
  return null
}

/**
 * Content copied into a new option: its brackets and option blocks get fresh ids, since a span or
 * a block is one thing in one place (the same id twice would read as one span across both).
 */
export function withFreshIds(content: Fragment): Fragment {
  const ids = new Map<string, string>()
  const fresh = (id: string) => ids.get(id) ?? ids.set(id, newId('b')).get(id)!
  const marks = (list: readonly Mark[]) =>
    list.map((m) =>
      m.type.name === 'bracket' ? m.type.create({ ...m.attrs, id: fresh(String(m.attrs.id)) }) : m,
    )
  const copy = (fragment: Fragment): Fragment => {
    const nodes: Node[] = []
    fragment.forEach((node) => {
      if (node.isText) return void nodes.push(node.mark(marks(node.marks)))
      const attrs = node.type === options ? { ...node.attrs, id: newId('opt') } : node.attrs
      nodes.push(node.type.create(attrs, copy(node.content), marks(node.marks)))
    })
    return Fragment.from(nodes)
  }
  return copy(content)
}

const WRAPPABLE_IN = new Set(['article', 'option', 'preamble'])

/**
 * Wraps the selected clauses (of one article, option or the preamble) in an option block of two
 * options: "Option 1" the clauses as they are, "Option 2" a copy with the caret at its start, for
 * the other wording. Labels are derived from order (an option's `label` stays "").
 */
export const wrapInOptions: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  const range = $from.blockRange($to, (node) => WRAPPABLE_IN.has(node.type.name))
  if (!range) return false
  for (let i = range.startIndex; i < range.endIndex; i++) {
    const child = range.parent.child(i)
    if (child.type.spec.group !== 'clause' && child.type !== options) return false
  }
  if (dispatch) {
    const clauses = state.doc.slice(range.start, range.end).content
    const first = option.create(null, clauses)
    const block = options.create({ id: newId('opt') }, [
      first,
      option.create(null, withFreshIds(clauses)),
    ])
    const tr = state.tr.replaceWith(range.start, range.end, block)
    const second = range.start + 1 + first.nodeSize
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(second + 1))).scrollIntoView())
  }
  return true
}

// The label of an option added after `current`: the next number after the last option's
// ("Option 2" → "Option 3"), "bis" after one in the middle ("Option 1 bis"), "" when derived.
function nextLabel(at: OptionAt): string {
  const label = String(at.option.attrs.label ?? '')
  if (!label) return ''
  const numbered = /^(.*?)(\d+)$/.exec(label)
  if (at.index === at.block.childCount - 1 && numbered) {
    return `${numbered[1]}${Number(numbered[2]) + 1}`
  }
  return labelAfter(label)
}

/**
 * Adds an option after the one at the cursor: a copy of it (`copy`, caret in the copy) or an
 * empty one, which reads "No text".
 */
export const addOption =
  (copy: boolean): Command =>
  (state, dispatch) => {
    const at = optionAt(state.selection.$from)
    if (!at) return false
    if (dispatch) {
      const content = copy ? withFreshIds(at.option.content) : Fragment.empty
      const added = option.create({ label: nextLabel(at) }, content)
      const pos = at.optionPos + at.option.nodeSize
      const tr = state.tr.insert(pos, added)
      if (copy && added.childCount > 0) tr.setSelection(Selection.near(tr.doc.resolve(pos + 1)))
      dispatch(tr.scrollIntoView())
    }
    return true
  }

/** Cleaning an option block: the option at the cursor replaces the whole block. */
export const keepOption: Command = (state, dispatch) => {
  const at = optionAt(state.selection.$from)
  if (!at) return false
  if (dispatch) {
    const offset = state.selection.from - (at.optionPos + 1)
    const tr = state.tr.replaceWith(at.blockPos, at.blockPos + at.block.nodeSize, at.option.content)
    const caret = Math.min(at.blockPos + offset, tr.doc.content.size)
    const $caret = tr.doc.resolve(caret)
    const selection = $caret.parent.inlineContent
      ? TextSelection.create(tr.doc, caret)
      : Selection.near($caret)
    dispatch(tr.setSelection(selection).scrollIntoView())
  }
  return true
}

/**
 * Deletes the option at the cursor. When one option is left, the block is cleaned: that option's
 * clauses stand in its place ("No text" left alone means nothing stands there).
 */
export const deleteOption: Command = (state, dispatch) => {
  const at = optionAt(state.selection.$from)
  if (!at) return false
  if (dispatch) {
    const tr = state.tr
    if (at.block.childCount <= 2) {
      const other = at.block.maybeChild(1 - at.index)
      tr.replaceWith(at.blockPos, at.blockPos + at.block.nodeSize, other?.content ?? Fragment.empty)
    } else tr.delete(at.optionPos, at.optionPos + at.option.nodeSize)
    const $near = tr.doc.resolve(Math.min(at.blockPos + 1, tr.doc.content.size))
    dispatch(tr.setSelection(Selection.near($near)).scrollIntoView())
  }
  return true
}
