import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import type { DecorationSet } from 'prosemirror-view'
import { ySyncPluginKey } from 'y-prosemirror'
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

// A change that came from Yjs (another client, the server, an undo) replaces the whole document
// in one step, so decorations cannot be mapped through it: anchors are resolved again.
const fromYjs = (tr: Transaction) =>
  (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true

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
        // The local user's own edit: mapping keeps the brackets on their words until Yjs speaks.
        const placements: Placements = new Map()
        for (const [id, range] of value.placements) {
          const from = range && tr.mapping.map(range.from, 1)
          const to = range && tr.mapping.map(range.to, -1)
          placements.set(id, from !== null && to !== null && from < to ? { from, to } : null)
        }
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
