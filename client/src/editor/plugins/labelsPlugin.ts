import type { Node } from 'prosemirror-model'
import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { flatClauses, optionLabelOf, outlineOf } from '../../../../shared/domain/numbering'
import {
  applyTopLevel,
  initTopLevel,
  type TopLevelDecorator,
  type TopLevelState,
} from '../topLevelDecorations'

/** The key of the labels plugin. */
export const labelsKey = new PluginKey<TopLevelState>('labels')

/** The heading label of an article as the text shows it: "Article 2 bis", "[Article 3bis]". */
export const articleHeading = (label: string, bracketed: boolean): string =>
  bracketed ? `[Article ${label}]` : `Article ${label}`

// Each clause's label and each option's ("Option 1:", "No text" when empty) in a container.
function innerLabels(container: Node, start: number): Decoration[] {
  const out: Decoration[] = []
  for (const clause of flatClauses(container)) {
    if (!clause.label) continue
    const from = start + clause.pos
    out.push(
      Decoration.node(from, from + clause.node.nodeSize, { 'data-shown-label': clause.label }),
    )
  }
  container.descendants((node, offset) => {
    if (node.type.name !== 'options') return !node.isTextblock
    node.forEach((option, optionOffset, index) => {
      const from = start + offset + 1 + optionOffset
      out.push(
        Decoration.node(from, from + option.nodeSize, {
          'data-shown-label': `${optionLabelOf(option, index)}:`,
          ...(option.childCount === 0 ? { class: 'option-empty' } : {}),
        }),
      )
    })
    return true
  })
  return out
}

const decorator: TopLevelDecorator = {
  // An article's heading depends on the articles before it (and on being bracketed).
  contexts(doc) {
    const headings = new Map(
      outlineOf(doc).map((a) => [a.pos, articleHeading(a.label, a.bracketed)]),
    )
    const contexts: string[] = []
    doc.forEach((_node, pos) => void contexts.push(headings.get(pos) ?? ''))
    return contexts
  },
  build(node, pos, heading) {
    const out = innerLabels(node, pos + 1)
    const title = node.firstChild
    if (node.type.name === 'article' && title?.type.name === 'article_title') {
      out.push(Decoration.node(pos + 1, pos + 1 + title.nodeSize, { 'data-shown-label': heading }))
    }
    return out
  },
}

/**
 * Shows the labels negotiators use, as the exports print them (shared/domain/numbering.ts): the
 * article's "Article 2 bis" above its title, each clause's "1.", "(a)", "2 bis." or fixed label,
 * and each option's "Option 1:" ("No text" under an empty one), as `data-shown-label` attributes
 * that CSS puts before the element. Never written into the document.
 */
export const labelsPlugin = () =>
  new Plugin<TopLevelState>({
    key: labelsKey,
    state: {
      init: (_, state) => initTopLevel(state.doc, decorator),
      apply: (tr, value) => applyTopLevel(tr, value, decorator),
    },
    props: {
      decorations: (state) => labelsKey.getState(state)?.set ?? null,
    },
  })

/**
 * The same labels in a proposal's wording, whose clauses stand at the top of the document (a
 * short text: labelled afresh on every change).
 */
export const wordingLabelsPlugin = () =>
  new Plugin({
    props: {
      decorations: (state) => DecorationSet.create(state.doc, innerLabels(state.doc, 0)),
    },
  })
