import { useEffect, useRef, useState } from 'react'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import type { NotePlacements } from '../../editor/plugins/annotationsPlugin'
import { ConfirmDialog } from '../common/ConfirmDialog'
import { AnnotationCard } from './AnnotationCard'
import type { Question } from './askTypes'
import { NoteFilters } from './NoteFilters'
import { NotesExport } from './NotesExport'
import { NotesRoomChooser } from './NotesRoomChooser'
import { authorsOf, tagsInUse } from '../../../../shared/domain/annotations/filters'
import { STANDARD_TAGS, type Annotation } from '../../../../shared/domain/annotations/types'
import { DEFAULT_NOTE_FILTER, filterNotes, inTextOrder, type NoteFilter } from './selectors'
import type { NoteCommands } from './useNoteCommands'
import type { ShownNote } from './useNotes'

/** A note to bring into view: scrolled to, and focused when opened by click or Enter. */
export interface Reveal {
  id: string
  focus: boolean
  /** Changes on every request, so that opening the same note again scrolls again. */
  seq: number
}

interface ArticleNotesProps {
  negotiationId: string
  article: ArticleSummary | null
  /** The ids of the articles in the text now: notes on any other article are listed apart. */
  articleIds: ReadonlySet<string>
  /** Every note this person sees (the panel picks the article's). */
  notes: readonly ShownNote[]
  placements: NotePlacements
  wordsAt: (range: { from: number; to: number }) => string
  activeId: string | null
  reveal: Reveal | null
  commands: NoteCommands | null
  groupId: string | null
  groupNames: ReadonlyMap<string, string>
  proposalTitles: ReadonlyMap<string, string>
  actorNames: ReadonlyMap<string, string>
  onEdit: (note: Annotation) => void
}

/**
 * The notes of the article one is reading, in the order of their words, filterable by tag,
 * author and resolved; notes whose words were deleted stay listed as such, and the group's
 * export and confirmations (publish, delete) live here.
 */
export function ArticleNotes(props: ArticleNotesProps) {
  const { negotiationId, article, articleIds, notes, placements, wordsAt, activeId, reveal } = props
  const { commands, groupId, groupNames, proposalTitles, actorNames, onEdit } = props
  const [filter, setFilter] = useState<NoteFilter>(DEFAULT_NOTE_FILTER)
  const [question, setQuestion] = useState<Question | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const listRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!reveal) return
    const card = listRef.current?.querySelector<HTMLElement>(`[data-note-id="${reveal.id}"]`)
    if (!card) return
    card.scrollIntoView({ block: 'nearest' })
    if (reveal.focus) card.focus({ preventScroll: true })
  }, [reveal])

  const confirm = () => {
    const q = question
    setQuestion(null)
    if (!q) return
    setProblem(null)
    Promise.resolve()
      .then(q.run)
      .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))
  }

  const ofArticle = article ? notes.filter((n) => n.articleId === article.id) : []
  const shown = inTextOrder(filterNotes(ofArticle, filter), placements)
  const tags = tagsInUse(ofArticle, STANDARD_TAGS)
  // An article deleted as a whole takes its words, never its notes.
  const lost = articleIds.size > 0 ? notes.filter((n) => !articleIds.has(n.articleId)) : []
  const card = (n: ShownNote) => {
    const at = placements.get(n.id)
    return (
      <AnnotationCard
        key={n.id}
        note={n}
        words={at ? wordsAt(at) : at === null ? null : n.anchor.quote}
        commands={commands}
        ask={setQuestion}
        active={n.id === activeId}
        groupName={groupNames.get(n.groupId) ?? n.groupId}
        proposalTitle={n.proposalId ? (proposalTitles.get(n.proposalId) ?? null) : null}
        actorName={n.actorId ? (actorNames.get(n.actorId) ?? n.actorId) : null}
        onEdit={onEdit}
      />
    )
  }
  return (
    <section className="article-notes" aria-labelledby="article-notes-heading" data-testid="notes">
      <h2 id="article-notes-heading" className="panel-heading">
        {article ? `Art. ${article.label} notes` : 'Notes'}{' '}
        <span className="count">{shown.length}</span>
      </h2>
      <NotesRoomChooser negotiationId={negotiationId} groupId={groupId} />
      {groupId && <NotesExport negotiationId={negotiationId} groupId={groupId} />}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {!article ? (
        <p className="muted">Put the cursor in an article to see its notes.</p>
      ) : (
        <>
          {ofArticle.length > 0 && (
            <NoteFilters
              filter={filter}
              onChange={setFilter}
              tags={tags}
              authors={authorsOf(ofArticle)}
            />
          )}
          {shown.length === 0 && (
            <p className="muted">
              {ofArticle.length > 0
                ? 'No note matches.'
                : commands
                  ? 'No notes on this article. Select words and choose Annotate.'
                  : 'No published notes on this article.'}
            </p>
          )}
        </>
      )}
      <div className="note-cards" ref={listRef}>
        {shown.map(card)}
        {lost.length > 0 && (
          <details className="notes-lost">
            <summary>On deleted articles ({lost.length})</summary>
            {lost.map(card)}
          </details>
        )}
      </div>
      <ConfirmDialog
        open={question !== null}
        title={question?.title ?? ''}
        confirmLabel={question?.confirmLabel ?? ''}
        danger={question?.danger ?? true}
        onConfirm={confirm}
        onCancel={() => setQuestion(null)}
      >
        {question?.text}
      </ConfirmDialog>
    </section>
  )
}
