import { fromYjs, mapPlacements } from '../anchoredRanges'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import type { DecorationSet } from 'prosemirror-view'
import { proposalDecorations, type Placements, type TextProposal } from '../proposalDecorations'

/** How the text is shown: as agreed so far, with the proposals in brackets, or proposals only. */
export type TextMode = 'clean' | 'brackets' | 'proposals'

interface ProposalsState {
  proposals: readonly TextProposal[]
  mode: TextMode
  decorations: DecorationSet
  placements: Placements
}

type ProposalsMeta = { proposals?: readonly TextProposal[]; mode?: TextMode }

/** The key of the proposals plugin, to read where each proposal's words are. */
export const proposalsKey = new PluginKey<ProposalsState>('proposals')

function compute(
  state: EditorState,
  proposals: readonly TextProposal[],
  mode: TextMode,
): ProposalsState {
  const { decorations, placements } = proposalDecorations(state, proposals)
  return { proposals, mode, decorations, placements }
}

/**
 * Shows the register's open proposals in the text as decorations (never as marks: the text
 * room holds only the text), resolving their Yjs anchors with the sync plugin's live mapping.
 */
export const proposalsPlugin = () =>
  new Plugin<ProposalsState>({
    key: proposalsKey,
    state: {
      init: (_, state) => compute(state, [], 'brackets'),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined
        if (meta || fromYjs(tr)) {
          return compute(state, meta?.proposals ?? value.proposals, meta?.mode ?? value.mode)
        }
        if (!tr.docChanged) return value
        const placements = mapPlacements(value.placements, tr.mapping)
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), placements }
      },
    },
    props: {
      decorations(state) {
        const value = proposalsKey.getState(state)
        return value && value.mode === 'brackets' ? value.decorations : null
      },
    },
  })

/** Gives the plugin the proposals to show and/or the way to show the text. */
export function setTextProposals(
  state: EditorState,
  dispatch: (tr: Transaction) => void,
  meta: ProposalsMeta,
): void {
  dispatch(state.tr.setMeta(proposalsKey, meta).setMeta('addToHistory', false))
}

/** Where each proposal's words are in this state (null: deleted), by proposal id. */
export const placementsOf = (state: EditorState): Placements =>
  proposalsKey.getState(state)?.placements ?? new Map()
