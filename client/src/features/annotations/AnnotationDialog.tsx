import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  AnnotationInputSchema,
  STANDARD_TAGS,
  type Annotation,
  type AnnotationInput,
} from '../../../../shared/domain/annotations/types'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { NoteBody } from './NoteBody'
import { TagPicker } from './TagPicker'

/** What a new note is on: an article and the anchored words. */
export interface NoteTarget {
  articleId: string
  /** "Art. 2", for the heading. */
  articleLabel: string
  anchor: Annotation['anchor']
}

/** What the composer is doing: writing a new note, or its author changing one. */
export type Composing =
  | { kind: 'new'; target: NoteTarget }
  | { kind: 'edit'; id: string; articleLabel: string; quote: string; input: AnnotationInput }

/** A proposal as a choice of what a note links to. */
export interface ProposalChoice {
  id: string
  label: string
}

interface AnnotationDialogProps {
  /** Null when the composer is closed. */
  composing: Composing | null
  /** The group's own tags, besides the standard four. */
  groupTags: readonly string[]
  proposals: readonly ProposalChoice[]
  actors: readonly ActorChoice[]
  onCancel: () => void
  onSave: (input: AnnotationInput) => void
}

const shorten = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const EMPTY: AnnotationInput = { body: '', tags: [] }

/**
 * The composer of a note on selected words (or of its author's edit): the words, a body with
 * simple emphasis and links previewed as they will show, tags, and optional links to a proposal
 * and an actor. Saving is the caller's: the note goes into the group's room.
 */
export function AnnotationDialog(props: AnnotationDialogProps) {
  const { composing, groupTags, proposals, actors, onCancel, onSave } = props
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [input, setInput] = useState<AnnotationInput>(EMPTY)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (composing && !dialog.open) {
      setInput(composing.kind === 'edit' ? composing.input : EMPTY)
      setError(null)
      dialog.showModal()
    }
    if (!composing && dialog.open) dialog.close()
  }, [composing])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = AnnotationInputSchema.safeParse(input)
    if (!parsed.success) {
      return setError(input.body.trim() ? 'The note is too long.' : 'Write the note first.')
    }
    onSave(parsed.data)
  }

  const set = (change: Partial<AnnotationInput>) => setInput((i) => ({ ...i, ...change }))
  const label = composing?.kind === 'new' ? composing.target.articleLabel : composing?.articleLabel
  const quote = composing?.kind === 'new' ? composing.target.anchor.quote : composing?.quote
  const hasMarkup = /[*[]|https?:\/\//.test(input.body)
  return (
    <dialog
      ref={dialogRef}
      className="dialog note-dialog"
      aria-labelledby="note-dialog-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {composing && (
        <form onSubmit={submit}>
          <h2 id="note-dialog-title">
            {composing.kind === 'new' ? `Annotate ${label}` : `Edit the note on ${label}`}
          </h2>
          <p className="note-quote" data-testid="note-quote">
            “{shorten(quote ?? '')}”
          </p>
          <p className="muted small">Only your campaign group sees it, unless it is published.</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="note-body">Note</label>
            <textarea
              id="note-body"
              rows={4}
              value={input.body}
              maxLength={5000}
              autoFocus
              aria-describedby="note-body-hint"
              onChange={(e) => set({ body: e.target.value })}
            />
            <span id="note-body-hint" className="muted small">
              *emphasis*, **strong**, and links (https://…) are shown as such; nothing else is
              formatted.
            </span>
          </div>
          {hasMarkup && input.body.trim() && (
            <div className="note-preview" aria-label="Preview">
              <NoteBody text={input.body} />
            </div>
          )}
          <TagPicker
            tags={[...STANDARD_TAGS, ...groupTags]}
            selected={input.tags}
            onChange={(tags) => set({ tags })}
          />
          <div className="field-row">
            <div className="field">
              <label htmlFor="note-proposal">Proposal (optional)</label>
              <select
                id="note-proposal"
                value={input.proposalId ?? ''}
                onChange={(e) => set({ proposalId: e.target.value || undefined })}
              >
                <option value="">None</option>
                {proposals.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="note-actor">Actor (optional)</label>
              <select
                id="note-actor"
                value={input.actorId ?? ''}
                onChange={(e) => set({ actorId: e.target.value || undefined })}
              >
                <option value="">None</option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button-primary">
              {composing.kind === 'new' ? 'Save note' : 'Save changes'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
