import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { useEffect } from 'react'
import type { Proposal } from '../../../../shared/domain/proposals'
import type { SearchHit } from '../../../../shared/domain/search/results'
import { goToArticle } from '../outline/goToArticle'
import { findInArticle } from './findInText'
import { jumpDone, useSearchUi } from './searchStore'

/** What the text page does for a hit it cannot show by itself. */
export interface JumpTargets {
  /** Brings the Proposals or Notes tab forward, opening the panel where it is a drawer. */
  showTab: (tab: 'proposals' | 'notes') => void
  /** Opens a note in the Notes tab (nothing if this person cannot see it). */
  openNote: (id: string) => void
  /** The delegation's drafts, which open in the draft editor rather than as cards. */
  drafts: readonly Proposal[]
  openDraft: (draft: Proposal) => void
}

/**
 * Shows the hit chosen in the search dialog once the text is loaded: the article scrolled into
 * view with the hit's words selected, or the proposal's card (positions too; a draft in the
 * draft editor) or the note opened beside it, focused and marked for a moment.
 */
export function useSearchJump(view: EditorView | null, ready: boolean, targets: JumpTargets) {
  const { jump } = useSearchUi()
  const { showTab, openNote, drafts, openDraft } = targets
  useEffect(() => {
    if (!jump || !view || !ready) return
    jumpDone(jump)
    const articleId = jump.jump.articleId
    if (articleId) goToArticle(view, articleId)
    if (jump.kind === 'text' && articleId) return selectHit(view, jump, articleId)
    if (jump.kind === 'notes') {
      showTab('notes')
      return openNote(jump.id)
    }
    showTab('proposals')
    const draft = drafts.find((d) => d.id === jump.id)
    if (draft) return openDraft(draft)
    // The card renders once the panel follows the caret into the article (and, on a page just
    // opened, once the register has arrived): look for it a few times, then give up.
    let tries = 0
    const timer = setInterval(() => {
      if (showCard(jump.id) || ++tries >= 30) clearInterval(timer)
    }, 100)
  }, [jump, view, ready, showTab, openNote, drafts, openDraft])
}

function selectHit(view: EditorView, hit: SearchHit, articleId: string) {
  const range = findInArticle(view.state.doc, articleId, hit.jump.clause, hit.jump.quote)
  if (!range) return
  const selection = TextSelection.create(view.state.doc, range.from, range.to)
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView())
  view.focus()
  view.domAtPos(range.from).node.parentElement?.scrollIntoView({ block: 'center' })
}

function showCard(proposalId: string): boolean {
  const card = document.querySelector<HTMLElement>(
    `.proposal-card[data-proposal-id="${CSS.escape(proposalId)}"]`,
  )
  if (!card) return false
  card.scrollIntoView({ block: 'nearest' })
  card.focus()
  card.classList.add('search-found')
  setTimeout(() => card.classList.remove('search-found'), 4000)
  return true
}
