import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Annotation, AnnotationInput } from '../../../../shared/domain/annotations/types'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { Principal } from '../../../../shared/domain/policy'
import { useMe } from '../../auth/SessionContext'
import type { NoteOpening } from '../../editor/plugins/annotationsPlugin'
import type { Composing } from './AnnotationDialog'
import type { Reveal } from './ArticleNotes'
import { noteCounts } from './selectors'
import { useAnnotateFlow, type AnnotateFlow } from './useAnnotateFlow'
import { useGroupNames } from './useGroupNames'
import { useNoteCommands, type NoteCommands } from './useNoteCommands'
import { useNotes, type Notes } from './useNotes'
import { useNotesParam } from './notesRoom'
import { useTextNotes } from './useTextNotes'

/** Everything the text view needs about notes for this person. */
export interface NoteDesk {
  notes: Notes
  /** Null unless this person annotates for a group. */
  commands: NoteCommands | null
  flow: AnnotateFlow
  /** The composer's work: a new note on the selected words, or an edit; null when closed. */
  composing: Composing | null
  edit: (note: Annotation) => void
  save: (input: AnnotationInput) => void
  cancel: () => void
  /** The note open from the text (highlighted there and marked in the panel). */
  activeId: string | null
  reveal: Reveal | null
  /** The article whose notes the panel shows: the one last opened from the text, or the current. */
  panelArticleId: string | null
  /** Opens a note this person may read, as if chosen in the text (search jumps to it). */
  openNote: (id: string) => void
  counts: Map<string, number>
  groupNames: ReadonlyMap<string, string>
}

/**
 * Notes for one person in one negotiation: the rooms they may read, the group's commands, the
 * highlights fed to the editor, the composer, and which note is open when a highlight is
 * clicked or focused (`showNotes` brings the panel forward).
 */
export function useNoteDesk(
  negotiationId: string,
  principal: Principal,
  view: EditorView | null,
  articles: ArticleSummary[],
  currentId: string | null,
  showNotes: () => void,
): NoteDesk {
  const me = useMe()
  const notes = useNotes(negotiationId, principal)
  const author = useMemo(
    () => ({ accountId: me.account.id, name: me.account.displayName }),
    [me.account.id, me.account.displayName],
  )
  const commands = useNoteCommands(negotiationId, notes, author)
  const flow = useAnnotateFlow(view, articles)
  const groupNames = useGroupNames(negotiationId)
  const [editing, setEditing] = useState<Composing | null>(null)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [reveal, setReveal] = useState<Reveal | null>(null)
  // A note opened from the text shows its article's notes until the reader moves elsewhere.
  const [pinned, setPinned] = useState<{ articleId: string; at: string | null } | null>(null)

  const shownRef = useRef(notes.shown)
  const currentRef = useRef(currentId)
  useEffect(() => {
    shownRef.current = notes.shown
    currentRef.current = currentId
  })
  const show = useCallback(
    (id: string, articleId: string, how: NoteOpening) => {
      setActiveId(id)
      setPinned({ articleId, at: currentRef.current })
      setReveal((r) => ({ id, focus: how === 'key', seq: (r?.seq ?? 0) + 1 }))
      showNotes()
    },
    [showNotes],
  )
  const open = useCallback(
    (id: string, how: NoteOpening) => {
      const note = shownRef.current.find((n) => n.id === id)
      if (note) show(id, note.articleId, how)
    },
    [show],
  )
  const onOpen = useCallback((ids: string[], how: NoteOpening) => open(ids[0] ?? '', how), [open])
  const openNote = useCallback((id: string) => open(id, 'key'), [open])
  useTextNotes(view, notes.shown, activeId, onOpen)

  const articleLabel = (articleId: string) =>
    `Art. ${articles.find((a) => a.id === articleId)?.label ?? '?'}`
  const composing: Composing | null =
    editing ?? (flow.target ? { kind: 'new', target: flow.target } : null)
  const cancel = () => {
    setEditing(null)
    flow.close()
    view?.focus()
  }
  const save = (input: AnnotationInput) => {
    if (!composing || !commands) return
    const id = commands.save(composing, input)
    const articleId =
      composing.kind === 'new'
        ? composing.target.articleId
        : (notes.shown.find((n) => n.id === id)?.articleId ?? currentId)
    setEditing(null)
    flow.close()
    // The room's notes were updated in this same event, so the panel shows the note already.
    if (articleId) show(id, articleId, 'key')
  }
  const edit = (note: Annotation) =>
    setEditing({
      kind: 'edit',
      id: note.id,
      articleLabel: articleLabel(note.articleId),
      quote: note.anchor.quote,
      input: {
        body: note.body,
        tags: note.tags,
        ...(note.proposalId ? { proposalId: note.proposalId } : {}),
        ...(note.actorId ? { actorId: note.actorId } : {}),
      },
    })

  // A link to one group's notes (`?notes=`, from the Rooms page) opens the Notes tab.
  const notesParam = useNotesParam()
  useEffect(() => {
    if (notesParam) showNotes()
  }, [notesParam, showNotes])

  const counts = useMemo(() => noteCounts(notes.shown), [notes.shown])
  const panelArticleId = pinned && pinned.at === currentId ? pinned.articleId : currentId
  return {
    notes,
    commands,
    flow,
    composing,
    edit,
    save,
    cancel,
    activeId,
    reveal,
    panelArticleId,
    openNote,
    counts,
    groupNames,
  }
}
