import { fromYjs, mapPlacements } from '../anchoredRanges'
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { anchorPositions, classifyAnchor } from '../../../../shared/domain/annotations/anchors'
import type { Annotation } from '../../../../shared/domain/annotations/types'
import { bindingOf } from '../anchors'

/** An annotation as the text shows it: where it is, and how to style its highlight. */
export interface TextNote {
  id: string
  anchor: Annotation['anchor']
  /** Published to every member (styled apart from the group's private notes). */
  published: boolean
  resolved: boolean
}

/** Where each annotation's words are now: a range, or null for an orphan (words deleted). */
export type NotePlacements = Map<string, { from: number; to: number } | null>

/** How a highlight was reached: a click, Enter on it, or focus moving onto it (Tab). */
export type NoteOpening = 'click' | 'key' | 'focus'

/** Called with the ids under a highlight, innermost (shortest range) first. */
export type OpenNotes = (ids: string[], how: NoteOpening) => void

interface NotesState {
  notes: readonly TextNote[]
  activeId: string | null
  onOpen: OpenNotes | null
  decorations: DecorationSet
  placements: NotePlacements
}

type NotesMeta = { notes?: readonly TextNote[]; activeId?: string | null; onOpen?: OpenNotes }

/** The key of the annotations plugin, to read where each annotation's words are. */
export const annotationsKey = new PluginKey<NotesState>('annotations')

// Overlaps darken up to three layers; more than that looks the same as three.
const MAX_DEPTH = 3

/**
 * The highlights: the annotated ranges cut at every start and end, so that each piece knows how
 * many notes cover it (its depth), whether they are published or resolved, and their ids.
 */
function highlight(
  state: EditorState,
  notes: readonly TextNote[],
  activeId: string | null,
  focusable: boolean,
): { decorations: DecorationSet; placements: NotePlacements } {
  const placements: NotePlacements = new Map()
  const ranged: (TextNote & { from: number; to: number })[] = []
  const binding = bindingOf(state)
  for (const note of notes) {
    // Before the view is bound there is nothing to place: no highlight, and no orphan either.
    if (!binding) continue
    const at = anchorPositions(binding, note.anchor)
    const placed = classifyAnchor(state.doc, at, note.anchor.quote)
    const range = placed.state === 'ok' ? { from: placed.from, to: placed.to } : null
    placements.set(note.id, range)
    if (range) ranged.push({ ...note, ...range })
  }
  const cuts = [...new Set(ranged.flatMap((n) => [n.from, n.to]))].sort((a, b) => a - b)
  const decorations: Decoration[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number
    const to = cuts[i + 1] as number
    const over = ranged
      .filter((n) => n.from <= from && n.to >= to)
      .sort((a, b) => a.to - a.from - (b.to - b.from))
    if (over.length === 0) continue
    const published = over.filter((n) => n.published).length
    const classes = [
      'note-range',
      `note-depth-${Math.min(over.length, MAX_DEPTH)}`,
      published === over.length ? 'note-public' : published > 0 ? 'note-mixed' : 'note-private',
      over.every((n) => n.resolved) ? 'note-resolved' : '',
      over.some((n) => n.id === activeId) ? 'note-active' : '',
    ]
    const starts = over.some((n) => n.from === from)
    const attrs: Record<string, string> = {
      class: classes.filter(Boolean).join(' '),
      'data-note-ids': over.map((n) => n.id).join(' '),
      title: over.length > 1 ? `${over.length} notes overlap here` : 'Note: Enter opens it',
    }
    // A reader's text is not editable: each note's first piece is a tab stop that opens it.
    if (focusable && starts) attrs.tabindex = '0'
    decorations.push(Decoration.inline(from, to, { nodeName: 'mark', ...attrs }))
  }
  return { decorations: DecorationSet.create(state.doc, decorations), placements }
}

// The note ids of the highlight an event happened on, if any.
function idsAt(view: EditorView, target: EventTarget | null): string[] {
  const mark = target instanceof Element ? target.closest('mark.note-range') : null
  if (!mark || !view.dom.contains(mark)) return []
  return (mark.getAttribute('data-note-ids') ?? '').split(' ').filter(Boolean)
}

function open(view: EditorView, event: Event, how: NoteOpening): boolean {
  const ids = idsAt(view, event.target)
  const onOpen = annotationsKey.getState(view.state)?.onOpen
  if (ids.length === 0 || !onOpen) return false
  onOpen(ids, how)
  return true
}

/**
 * Highlights annotated words as decorations (never marks in the text), darker where notes
 * overlap, published ones apart; a click, Enter or focus on a highlight opens its notes.
 * `focusable` makes highlights tab stops (for a read-only text, which has no caret).
 */
export const annotationsPlugin = ({ focusable }: { focusable: boolean }) =>
  new Plugin<NotesState>({
    key: annotationsKey,
    state: {
      init: (_, state) => ({
        notes: [],
        activeId: null,
        onOpen: null,
        ...highlight(state, [], null, focusable),
      }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(annotationsKey) as NotesMeta | undefined
        if (meta || fromYjs(tr)) {
          const notes = meta?.notes ?? value.notes
          const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId
          const onOpen = meta?.onOpen ?? value.onOpen
          return { notes, activeId, onOpen, ...highlight(state, notes, activeId, focusable) }
        }
        if (!tr.docChanged) return value
        const placements = mapPlacements(value.placements, tr.mapping)
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), placements }
      },
    },
    props: {
      decorations: (state) => annotationsKey.getState(state)?.decorations ?? null,
      handleDOMEvents: {
        click(view, event) {
          // A drag that selected words inside a highlight is a selection, not a request.
          if (!view.dom.ownerDocument.getSelection()?.isCollapsed) return false
          return open(view, event, 'click')
        },
        keydown(view, event) {
          if (event.key !== 'Enter' && event.key !== ' ') return false
          if (!(event.target instanceof Element) || !event.target.matches('mark.note-range')) {
            return false
          }
          if (!open(view, event, 'key')) return false
          event.preventDefault()
          return true
        },
        focusin(view, event) {
          open(view, event, 'focus')
          return false
        },
      },
    },
  })

/** Gives the plugin the notes to highlight, the one open in the panel, and what opens one. */
export function setTextNotes(
  state: EditorState,
  dispatch: (tr: Transaction) => void,
  meta: NotesMeta,
): void {
  dispatch(state.tr.setMeta(annotationsKey, meta).setMeta('addToHistory', false))
}

/** Where each annotation's words are in this state (null: deleted), by annotation id. */
export const notePlacementsOf = (state: EditorState): NotePlacements =>
  annotationsKey.getState(state)?.placements ?? new Map()
