import type { Annotation } from '../../../../shared/domain/annotations/types'
import { formatWhen } from '../proposals/labels'
import type { Ask } from './askTypes'
import { NoteBody } from './NoteBody'
import { ReplyThread } from './ReplyThread'
import type { NoteCommands } from './useNoteCommands'
import type { ShownNote } from './useNotes'

interface AnnotationCardProps {
  note: ShownNote
  /** The annotated words as they are now; null when they were deleted (an orphan). */
  words: string | null
  /** The group's commands; null for a person who may not write this note. */
  commands: NoteCommands | null
  ask: Ask
  /** Whether it is the note open from the text. */
  active: boolean
  /** The name of the group a published note comes from. */
  groupName: string
  proposalTitle: string | null
  actorName: string | null
  onEdit: (note: Annotation) => void
}

/**
 * One note: who wrote it and when, the words it is on (or "words deleted"), the body, tags and
 * links, its thread, and what this person may do: resolve or reopen, publish, and for its
 * author alone, edit and delete.
 */
export function AnnotationCard(props: AnnotationCardProps) {
  const { note, words, ask, active, groupName, proposalTitle, actorName, onEdit } = props
  const commands = note.source === 'group' ? props.commands : null
  const mine = commands !== null && note.authorAccountId === commands.author.accountId
  const published = note.source === 'public' || Boolean(note.publishedAt)
  const headingId = `note-${note.id}`
  // The public copy is a snapshot: edits after publishing reach others when published again.
  const stale =
    note.source === 'group' &&
    Boolean(note.publishedAt && note.updatedAt && note.updatedAt > note.publishedAt)

  const askPublish = () =>
    commands &&
    ask(
      published
        ? {
            title: 'Unpublish this note?',
            text: 'Members outside your group will no longer see it; your group keeps it.',
            confirmLabel: 'Unpublish',
            danger: false,
            run: () => commands.publish(note.id, false),
          }
        : {
            title: 'Publish this note to every member?',
            text: 'Every member of this negotiation — delegations, the chair, observers and other campaign groups — will see this note and its words. You can unpublish it later.',
            confirmLabel: 'Publish',
            danger: false,
            run: () => commands.publish(note.id, true),
          },
    )

  return (
    <article
      className={`note-card${note.resolved ? ' is-resolved' : ''}${published ? ' is-published' : ''}`}
      data-note-id={note.id}
      data-testid="note-card"
      aria-labelledby={headingId}
      aria-current={active ? 'true' : undefined}
      tabIndex={-1}
    >
      <header className="note-head">
        <h3 className="note-author" id={headingId}>
          {note.authorName}
        </h3>
        <time className="muted" dateTime={note.createdAt}>
          {formatWhen(note.createdAt)}
        </time>
        {note.updatedAt && <span className="muted"> · edited</span>}
      </header>
      <p className="note-badges">
        {published && (
          <span className="note-badge badge-published" data-testid="published">
            {note.source === 'public' ? `Published · ${groupName}` : 'Published'}
          </span>
        )}
        {note.resolved && (
          <span className="note-badge badge-resolved" data-testid="resolved">
            Resolved{note.resolvedBy ? ` by ${note.resolvedBy}` : ''}
          </span>
        )}
      </p>
      {words === null ? (
        <p className="card-orphan" data-testid="orphan">
          words deleted: ‘{note.anchor.quote}’
        </p>
      ) : (
        <blockquote className="card-quote note-words" title={words}>
          {words}
        </blockquote>
      )}
      <NoteBody text={note.body} />
      {(note.tags.length > 0 || proposalTitle || actorName) && (
        <p className="note-meta">
          {note.tags.map((t) => (
            <span key={t} className="note-tag">
              {t}
            </span>
          ))}
          {proposalTitle && <span className="note-link">On proposal: {proposalTitle}</span>}
          {actorName && <span className="note-link">Actor: {actorName}</span>}
        </p>
      )}
      <ReplyThread note={note} commands={commands} ask={ask} />
      {commands && (
        <div className="note-actions card-actions">
          <button
            type="button"
            className="button"
            onClick={() => commands.resolve(note.id, !note.resolved)}
          >
            {note.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button type="button" className="button" onClick={askPublish}>
            {published ? 'Unpublish…' : 'Publish…'}
          </button>
          {stale && (
            <button
              type="button"
              className="button"
              title="The published copy shows the note as it was when published"
              onClick={() =>
                ask({
                  title: 'Publish the changes?',
                  text: 'Every member of this negotiation will see the note as it is now.',
                  confirmLabel: 'Publish changes',
                  danger: false,
                  run: () => commands.publish(note.id, true),
                })
              }
            >
              Publish changes
            </button>
          )}
          {mine && (
            <>
              <button type="button" className="button" onClick={() => onEdit(note)}>
                Edit
              </button>
              <button
                type="button"
                className="button danger-text"
                onClick={() =>
                  ask({
                    title: 'Delete this note?',
                    text: 'The note and its replies are removed for everyone in your group.',
                    confirmLabel: 'Delete note',
                    danger: true,
                    run: () => commands.remove(note.id),
                  })
                }
              >
                Delete
              </button>
            </>
          )}
        </div>
      )}
    </article>
  )
}
