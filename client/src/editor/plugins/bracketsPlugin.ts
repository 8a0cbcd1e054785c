import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration } from 'prosemirror-view'
import { tokensOf, type InlineToken } from '../../../../shared/domain/brackets'
import {
  applyTopLevel,
  initTopLevel,
  type TopLevelDecorator,
  type TopLevelState,
} from '../topLevelDecorations'

/** The key of the brackets plugin. */
export const bracketsKey = new PluginKey<TopLevelState>('brackets')

const CHARS = { open: '[', alt: '][', close: ']' } as const

function bracketWidget(char: string, depth: number): HTMLElement {
  const el = document.createElement('span')
  el.className = `text-bracket depth-${Math.min(depth, 4)}`
  el.dataset.depth = String(depth)
  // Real characters, not aria-hidden: a screen reader says "left bracket" where one stands.
  el.textContent = char
  return el
}

function footnoteList(notes: { number: number; text: string }[]): HTMLElement {
  const aside = document.createElement('aside')
  aside.className = 'text-footnotes'
  aside.setAttribute('aria-label', 'Footnotes')
  const list = document.createElement('ol')
  for (const { number, text } of notes) {
    const item = document.createElement('li')
    item.value = number
    item.textContent = text
    list.append(item)
  }
  aside.append(list)
  return aside
}

// The textblocks of a top-level node with their positions, in the order tokensOf reads them.
function textblocks(node: Node, start: number): number[] {
  if (node.isTextblock) return [start - 1]
  const out: number[] = []
  node.descendants((child, offset) => {
    if (child.isTextblock) out.push(start + offset)
    return !child.isTextblock
  })
  return out
}

const isMark = (t: InlineToken) => t.kind === 'open' || t.kind === 'alt' || t.kind === 'close'

// Widgets at one position keep the tokens' order: "]" and "][" stay before the caret there
// (typing goes after them), "[" after it (typing goes before it).
function tokenDecorations(tokens: InlineToken[], start: number, out: Decoration[]): number[] {
  const depths = new Map<string, number>()
  const footnotes: number[] = []
  let pos = start
  let k = 0
  for (const t of tokens) {
    if (isMark(t)) {
      if (t.kind === 'open') depths.set(t.id, t.depth)
      const depth = t.kind === 'alt' ? (depths.get(t.id) ?? 1) : t.depth
      const char = CHARS[t.kind as keyof typeof CHARS]
      k += 1
      out.push(
        Decoration.widget(pos, () => bracketWidget(char, depth), {
          side: t.kind === 'open' ? k : k - 1000,
          key: `${t.kind}-${depth}`,
          ignoreSelection: true,
        }),
      )
      continue
    }
    k = 0
    if (t.kind === 'text') pos += t.text.length
    else if (t.kind === 'footnote') {
      out.push(Decoration.inline(pos, pos + 1, { 'data-number': String(t.number) }))
      footnotes.push(t.number)
      pos += 1
    } else pos += 1
  }
  return footnotes
}

// The number of each top-level node's first footnote, counted through the document.
const footnoteCounts = new WeakMap<Node, number>()
function footnotesIn(node: Node): number {
  let n = footnoteCounts.get(node)
  if (n === undefined) {
    n = 0
    node.descendants((child) => {
      if (child.type.name === 'footnote') n! += 1
      return !child.isLeaf
    })
    footnoteCounts.set(node, n)
  }
  return n
}

const decorator: TopLevelDecorator = {
  contexts(doc) {
    const out: string[] = []
    let next = 1
    doc.forEach((node) => {
      out.push(String(next))
      next += footnotesIn(node)
    })
    return out
  },
  build(node, pos, first) {
    const out: Decoration[] = []
    const blocks = textblocks(node, pos + 1)
    const tokens = tokensOf(node, Number(first))
    const numbers: number[] = []
    blocks.forEach((blockPos, i) => {
      numbers.push(...tokenDecorations(tokens[i] ?? [], blockPos + 1, out))
    })
    if (numbers.length > 0 && !node.isTextblock) {
      const texts: { number: number; text: string }[] = []
      node.descendants((child) => {
        if (child.type.name === 'footnote') {
          texts.push({ number: Number(first) + texts.length, text: String(child.attrs.text) })
        }
        return !child.isLeaf
      })
      const end = pos + node.nodeSize - 1
      out.push(
        Decoration.widget(end, () => footnoteList(texts), {
          side: 1,
          key: `footnotes-${texts.map((t) => `${t.number}:${t.text}`).join('|')}`,
          ignoreSelection: true,
        }),
      )
    }
    return out
  },
}

/**
 * Shows square brackets where the `bracket` marks begin and end ("[", "][" between alternatives,
 * "]"), shaded by depth, computed by `tokensOf` exactly as the exports print them; numbers each
 * footnote in reading order and lists an article's footnotes under it.
 */
export const bracketsPlugin = () =>
  new Plugin<TopLevelState>({
    key: bracketsKey,
    state: {
      init: (_, state) => initTopLevel(state.doc, decorator),
      apply: (tr, value) => applyTopLevel(tr, value, decorator),
    },
    props: {
      decorations: (state) => bracketsKey.getState(state)?.set ?? null,
    },
  })
