import type { Block } from './markdownBlocks'
import { BULLET, clauseLabel, optionMarker, type ClauseLabel, type OptionMarker } from './markers'
import { contextAround, type WarningLog } from './warnings'

/** Words of a block from `from` on: an unnumbered paragraph or a clause's text. */
export interface TextRef {
  block: Block
  from: number
}

/** A numbered or labelled clause, with what belongs to it (deeper clauses, options). */
export interface ItemNode {
  kind: 'item'
  label: string
  number?: number
  depth: number
  indent: number
  text: TextRef
  children: TreeNode[]
}
/** An unnumbered paragraph. */
export interface ParagraphNode {
  kind: 'paragraph'
  text: TextRef
}
/** One option of a block, with its label as printed and what it holds. */
export interface OptionNode {
  kind: 'option'
  label: string
  value: number
  style: OptionMarker['style']
  indent: number
  /** It holds what follows at its own indentation (a marker alone, a note or a chapeau). */
  header: boolean
  children: TreeNode[]
  line: number
}
/** An option block: "Option 1", "Option 2", ... */
export interface OptionsNode {
  kind: 'options'
  options: OptionNode[]
}
/** What a section, a clause or an option holds. */
export type TreeNode = ItemNode | ParagraphNode | OptionsNode
/** What a section (an article or the preamble) holds, as a tree. */
export interface Root {
  kind: 'root'
  children: TreeNode[]
}

type Open = Root | ItemNode | OptionNode

interface Classified {
  block: Block
  option?: OptionMarker
  label?: ClauseLabel
  /** An item's words that begin with an option marker: "1. **Option 1:** ...". */
  itemOption?: OptionMarker
}

const NO_TEXT = /^no text\.?$/i
// Words that only annotate an option ("*(paragraphs 1 to 7)*", "*communication ...*", "{...}"):
// such an option, like a bare marker, holds the paragraphs that follow it.
const NOTE = /^(\*[^*]+\*|\*?\([^()]*\)\*?|\{[^{}]*\})$/

/**
 * Builds the tree of one section from its paragraphs by indentation, as the drafts lay it out:
 * a deeper numbered paragraph belongs to the one above; an option marker opens an option block
 * (or continues the one just before it at its level, "Option 2" after "Option 1"), and a
 * different series ("Option (a)" inside "Option 2") or "Option 1" again starts a new one. An
 * option with a bare marker, a note or a chapeau ending in ":" holds what follows at its level;
 * an option with its own words holds deeper paragraphs, and paragraphs at its level only when
 * the next option of its block follows them (else the block ends: "Option 2" in a preamble
 * followed by ordinary paragraphs). Odd numbers and option series are reported, never refused.
 */
export function buildTree(blocks: Block[], log: WarningLog): Root {
  const root: Root = { kind: 'root', children: [] }
  const stack: Open[] = [root]
  const items = blocks.map(classify)
  const top = () => stack[stack.length - 1] as Open
  const extended = new Set<OptionNode>()

  const continuesLater = (option: OptionNode, from: number): boolean => {
    for (let j = from; j < items.length; j++) {
      const next = items[j] as Classified
      if (next.option) {
        return (
          next.option.value === option.value + 1 && Math.abs(next.block.indent - option.indent) <= 2
        )
      }
      if (next.block.indent < option.indent - 1) return false
    }
    return false
  }

  const parentFor = (indent: number, index: number): Root | ItemNode | OptionNode => {
    for (;;) {
      const t = top()
      if (t.kind === 'root') return t
      if (t.kind === 'item') {
        if (t.indent >= indent) stack.pop()
        else return t
        continue
      }
      if (t.header || extended.has(t)) {
        if (indent >= t.indent) return t
        stack.pop()
        continue
      }
      if (indent > t.indent) return t
      // An indented option (in a paragraph) keeps what follows at its level until something
      // shallower; one at the margin only when its block's next option comes after it.
      if (t.indent > 0 && indent >= t.indent - 1) {
        extended.add(t)
        return t
      }
      if (indent >= t.indent - 1 && continuesLater(t, index)) {
        extended.add(t)
        return t
      }
      stack.pop()
    }
  }

  const parentForOption = (indent: number, marker: OptionMarker): Root | ItemNode | OptionNode => {
    for (;;) {
      const t = top()
      if (t.kind === 'root') return t
      if (t.kind === 'item') {
        if (t.indent >= indent) stack.pop()
        else return t
        continue
      }
      const holds = t.header || extended.has(t)
      if (holds && indent >= t.indent) {
        // "Option (a)" inside "Option 2" opens a block of its own series; "Option (b)" continues it.
        const inner = t.children[t.children.length - 1]
        const last = inner?.kind === 'options' ? inner.options[inner.options.length - 1] : undefined
        if (last && last.style === marker.style && marker.value === last.value + 1) return t
        if (marker.value === 1 && marker.style !== t.style) return t
      }
      if (t.indent >= indent - 2) stack.pop()
      else return t
    }
  }

  const childrenOf = (node: Root | ItemNode | OptionNode) => node.children

  const itemDepth = () => stack.filter((s) => s.kind === 'item').length

  const addOption = (marker: OptionMarker, indent: number, block: Block, restFrom: number) => {
    const parent = parentForOption(indent, marker)
    const siblings = childrenOf(parent)
    const last = siblings[siblings.length - 1]
    let group: OptionsNode
    const previous = last?.kind === 'options' ? last.options[last.options.length - 1] : undefined
    if (last?.kind === 'options' && marker.value !== 1) {
      group = last
      if (previous && marker.value !== previous.value + 1) {
        log.add(
          block.line,
          'option-sequence',
          `${marker.label} follows ${previous.label}`,
          contextAround(block.text, 0),
        )
      }
    } else {
      group = { kind: 'options', options: [] }
      siblings.push(group)
      if (marker.value !== 1) {
        log.add(
          block.line,
          'option-sequence',
          `${marker.label} opens an option block (no Option 1 before it)`,
          contextAround(block.text, 0),
        )
      }
    }
    const words = block.text.slice(restFrom).trim()
    const option: OptionNode = {
      kind: 'option',
      label: marker.label,
      value: marker.value,
      style: marker.style,
      indent,
      header: words === '' || NOTE.test(words) || words.endsWith(':'),
      children: [],
      line: block.line,
    }
    group.options.push(option)
    stack.push(option)
    const footnotes = marker.footnotes
    if (footnotes || (words && !NO_TEXT.test(words))) {
      // The option's own words (with the footnotes printed in its marker) are its first paragraph.
      const text = footnotes
        ? { ...block, text: `${footnotes} ${block.text.slice(restFrom)}` }
        : block
      option.children.push({
        kind: 'paragraph',
        text: { block: text, from: footnotes ? 0 : restFrom },
      })
    }
  }

  items.forEach((c, index) => {
    const { block } = c
    if (c.option) {
      addOption(c.option, block.indent, block, c.option.rest)
      return
    }
    const parent = parentFor(block.indent, index)
    const siblings = childrenOf(parent)
    if (!c.label) {
      // "No text" alone in an option is the option's absence of text, not a paragraph.
      if (parent.kind === 'option' && siblings.length === 0 && NO_TEXT.test(block.text)) return
      const bullet = BULLET.exec(block.text)
      const from = bullet && !block.text.startsWith('**') ? bullet[0].length : 0
      siblings.push({ kind: 'paragraph', text: { block, from } })
      return
    }
    const label = c.label
    if (label.number !== undefined) checkSequence(siblings, label, block, log)
    const item: ItemNode = {
      kind: 'item',
      label: label.label,
      number: label.number,
      depth: Math.max(itemDepth(), label.minDepth),
      indent: block.indent,
      text: { block, from: c.itemOption ? block.text.length : label.rest },
      children: [],
    }
    siblings.push(item)
    stack.push(item)
    if (c.itemOption) {
      const from = label.rest + c.itemOption.rest
      addOption(c.itemOption, block.indent + label.rest, block, from)
    }
  })
  return root
}

function classify(block: Block): Classified {
  const option = optionMarker(block.text)
  if (option) return { block, option }
  const label = clauseLabel(block.text)
  if (!label) return { block }
  const itemOption = optionMarker(block.text.slice(label.rest))
  return { block, label, itemOption }
}

function checkSequence(siblings: TreeNode[], label: ClauseLabel, block: Block, log: WarningLog) {
  let previous: number | undefined
  // A "1." after an unnumbered paragraph or a label such as "(5bis)" starts a list of its own.
  let interrupted = false
  for (let k = siblings.length - 1; k >= 0; k--) {
    const s = siblings[k]
    if (s?.kind === 'item' && s.number !== undefined) {
      previous = s.number
      break
    }
    if (s?.kind === 'paragraph' || s?.kind === 'item') interrupted = true
  }
  const expected = (previous ?? 0) + 1
  if (label.number !== expected && !(label.number === 1 && interrupted)) {
    log.add(
      block.line,
      'numbering',
      previous === undefined
        ? `paragraph ${label.label} is the first of its list (kept as printed)`
        : `paragraph ${label.label} follows ${previous}. (kept as printed)`,
      contextAround(block.text, 0),
    )
  }
}
