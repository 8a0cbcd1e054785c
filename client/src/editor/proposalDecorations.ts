import type { Node } from 'prosemirror-model'
import type { EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import {
  groupAlternatives,
  type Anchor,
  type ProposalKind,
  type ProposalStatus,
} from '../../../shared/domain/proposals'
import { resolveAnchor } from './anchors'

/** A proposal as the text shows it: where it applies, who sponsors it, what it proposes. */
export interface TextProposal {
  id: string
  tabledSeq: number
  articleId: string | null
  anchor: Anchor | null
  kind: ProposalKind
  status: ProposalStatus
  title: string
  /** The sponsors as the label beside the wording: "DEU, FRA". */
  label: string
  /** The proposed wording as plain text. */
  wording: string
}

/** Where each proposal's words are now: a range, or null for an orphan (its words deleted). */
export type Placements = Map<string, { from: number; to: number } | null>

const STATUS_NOTES: Partial<Record<ProposalStatus, string>> = {
  bracketed: 'bracketed',
  'under-consultation': 'under consultation',
  deferred: 'deferred',
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag)
  el.className = className
  if (text !== undefined) el.textContent = text
  return el
}

// The proposed wording beside the brackets: "DEU, FRA: ‹wording›", with the Alt label if any.
function wordingWidget(p: TextProposal, alt: string | null): HTMLElement {
  const box = element('span', `proposal-wording status-${p.status}`)
  box.dataset.proposalId = p.id
  box.title = p.title
  if (alt) box.append(element('span', 'proposal-alt', alt))
  box.append(element('span', 'proposal-sponsors', p.label))
  const note = STATUS_NOTES[p.status]
  if (note) box.append(element('span', 'proposal-status-note', note))
  const words = p.kind === 'deletion' && !p.wording ? 'delete' : p.wording || '…'
  box.append(element('span', 'proposal-words', words))
  return box
}

const bracket = (char: '[' | ']', muted: boolean) => () => {
  const el = element('span', `proposal-bracket${muted ? ' muted' : ''}`, char)
  el.setAttribute('aria-hidden', 'true')
  return el
}

// A proposed new article, shown after the article it would follow.
function newArticleWidget(p: TextProposal): HTMLElement {
  const box = element('div', `proposal-new-article status-${p.status}`)
  box.dataset.proposalId = p.id
  box.append(element('span', 'proposal-sponsors', p.label))
  box.append(element('strong', 'proposal-new-title', `[New article: ${p.title}]`))
  if (p.wording) box.append(element('span', 'proposal-words', p.wording))
  return box
}

function articleEnd(doc: Node, articleId: string | null): number | null {
  let end: number | null = null
  doc.forEach((node, offset) => {
    if (node.type.name === 'article' && node.attrs.id === articleId) end = offset + node.nodeSize
  })
  return end
}

/**
 * The decorations of the proposals in the text: the anchored words in square brackets (muted
 * when deferred), the proposed wording and sponsors beside them, overlapping proposals as
 * "Alt 1 / Alt 2" in tabled order, and where each one's words are now.
 */
export function proposalDecorations(
  state: EditorState,
  proposals: readonly TextProposal[],
): { decorations: DecorationSet; placements: Placements } {
  const placements: Placements = new Map()
  const ranged: (TextProposal & { from: number; to: number })[] = []
  const decorations: Decoration[] = []
  for (const p of proposals) {
    if (p.kind === 'new-article' || !p.anchor) {
      const at = articleEnd(state.doc, p.articleId)
      if (at !== null) {
        decorations.push(Decoration.widget(at, () => newArticleWidget(p), { key: `new-${p.id}` }))
      }
      continue
    }
    const range = resolveAnchor(state, p.anchor)
    placements.set(p.id, range)
    if (range) ranged.push({ ...p, ...range })
  }

  for (const group of groupAlternatives(ranged)) {
    const muted = group.members.every(({ item }) => item.status === 'deferred')
    decorations.push(Decoration.widget(group.from, bracket('[', muted), { side: -1, key: '[' }))
    for (const { item } of group.members) {
      decorations.push(
        // Overlapping inline decorations merge into one span: classes add up, attributes do not.
        Decoration.inline(item.from, item.to, {
          class: `proposal-range status-${item.status} range-${item.id}`,
        }),
      )
    }
    decorations.push(Decoration.widget(group.to, bracket(']', muted), { side: 1, key: ']' }))
    group.members.forEach(({ item, label }, i) => {
      decorations.push(
        Decoration.widget(group.to, () => wordingWidget(item, label), {
          side: 2 + i,
          key: `w-${item.id}-${item.status}-${label ?? ''}-${item.label}-${item.wording}`,
        }),
      )
    })
  }
  return { decorations: DecorationSet.create(state.doc, decorations), placements }
}
