import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import type { ArticleRenumbered, ClauseRenumbered } from '../../../shared/domain/concordance'
import { flatClauses, outlineOf } from '../../../shared/domain/numbering'
import { treatySchema } from '../../../shared/schema'

/** What a label write changed: how many attrs it set, and (renumbering) the old → new labels. */
export interface LabelWrites {
  set: number
  articles: ArticleRenumbered[]
  clauses: ClauseRenumbered[]
}

const isClause = (name: string) => treatySchema.nodes[name]?.spec.group === 'clause'

/**
 * The Yjs elements of a container's clauses in the order `flatClauses` reads the ProseMirror
 * node: through option blocks (each option in turn), skipping the title and anything else.
 */
export function yClausesOf(container: Y.XmlElement): Y.XmlElement[] {
  const out: Y.XmlElement[] = []
  for (const child of container.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.nodeName === 'options') {
      for (const option of child.toArray()) {
        if (option instanceof Y.XmlElement) out.push(...yClausesOf(option))
      }
    } else if (isClause(child.nodeName)) out.push(child)
  }
  return out
}

const readDoc = (fragment: Y.XmlFragment): Node =>
  yXmlFragmentToProseMirrorRootNode(fragment, treatySchema)

// The article elements of the fragment by id (ids are unique: restoreStructure sees to it).
function articleElements(fragment: Y.XmlFragment): Map<string, Y.XmlElement> {
  const out = new Map<string, Y.XmlElement>()
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === 'article') {
      out.set(String(child.getAttribute('id') ?? ''), child)
    }
  }
  return out
}

const attrOf = (el: Y.XmlElement) => String(el.getAttribute('label') ?? '')

/**
 * Freezes a text's numbers as they read now: writes each article's label (`outlineOf`) and each
 * numbered clause's (`flatClauses`) into its `label` attr where that is empty. Call inside a
 * Yjs transaction. A text already frozen keeps its labels; only what was derived becomes fixed.
 */
export function freezeLabels(fragment: Y.XmlFragment): LabelWrites {
  return writeLabels(fragment, 'freeze')
}

/**
 * The chair's renumbering: every article's label becomes its number from order (per
 * instrument), every numbered clause's its number from order in its article; answers the labels
 * that changed (what readers saw before → after) for the concordance. Call inside a transaction.
 */
export function renumberLabels(fragment: Y.XmlFragment): LabelWrites {
  return writeLabels(fragment, 'renumber')
}

function writeLabels(fragment: Y.XmlFragment, mode: 'freeze' | 'renumber'): LabelWrites {
  const doc = readDoc(fragment)
  const elements = articleElements(fragment)
  const nodes = new Map<string, Node>()
  doc.forEach((node) => {
    if (node.type.name === 'article') nodes.set(String(node.attrs.id), node)
  })
  const out: LabelWrites = { set: 0, articles: [], clauses: [] }
  const write = (el: Y.XmlElement, label: string) => {
    if (attrOf(el) === label) return
    el.setAttribute('label', label)
    out.set += 1
  }
  for (const summary of outlineOf(doc)) {
    const el = elements.get(summary.id)
    const node = nodes.get(summary.id)
    if (!el || !node) continue
    const target = mode === 'freeze' ? summary.label : String(summary.number)
    if (mode === 'renumber' || attrOf(el) === '') write(el, target)
    if (mode === 'renumber' && summary.label !== target) {
      out.articles.push({
        articleId: summary.id,
        instrument: summary.instrument,
        from: summary.label,
        to: target,
      })
    }
    const now = flatClauses(node)
    const targets = mode === 'freeze' ? now : flatClauses(node, { fromOrder: true })
    const clauseEls = yClausesOf(el)
    // The Yjs and ProseMirror readings disagree only if the conversion dropped something; then
    // leave this article's clauses alone rather than label the wrong ones.
    if (clauseEls.length !== now.length) continue
    now.forEach((clause, index) => {
      const target = targets[index]?.label ?? ''
      const clauseEl = clauseEls[index] as Y.XmlElement
      if (target === '') return
      if (mode === 'freeze' && attrOf(clauseEl) !== '') return
      write(clauseEl, target)
      if (mode === 'renumber' && clause.label !== target) {
        out.clauses.push({
          articleId: summary.id,
          index,
          optionPath: clause.path.map((step) => step.index),
          from: clause.label,
          to: target,
        })
      }
    })
  }
  return out
}
