import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Reply } from '../../../../shared/domain/annotations/types'
import { formatWhen } from '../proposals/labels'
import { NoteBody } from './NoteBody'
import type { Ask } from './askTypes'
import type { NoteCommands } from './useNoteCommands'
import type { ShownNote } from './useNotes'

interface ReplyThreadProps {
  note: ShownNote
  /** Null when this person may not write the thread (a published copy, a non-campaigner). */
  commands: NoteCommands | null
  ask: Ask
}

// Ctrl/Cmd+Enter sends, as in most comment boxes; Enter alone is a new line.
const sendsOnKey = (e: KeyboardEvent<HTMLTextAreaElement>) =>
  e.key === 'Enter' && (e.ctrlKey || e.metaKey)

/** A box of words with a send button, for a new reply or a reply's edit. */
function ReplyForm(props: {
  label: string
  initial?: string
  submitLabel: string
  onSubmit: (body: string) => void
  onCancel?: () => void
}) {
  const { label, initial = '', submitLabel, onSubmit, onCancel } = props
  const [body, setBody] = useState(initial)
  const id = useId()
  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    const words = body.trim()
    if (!words) return
    onSubmit(words.slice(0, 5000))
    setBody('')
  }
  return (
    <form className="reply-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={body}
        placeholder={label}
        maxLength={5000}
        autoFocus={Boolean(onCancel)}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (sendsOnKey(e)) submit()
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault()
            onCancel()
          }
        }}
      />
      <div className="reply-form-buttons">
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button" disabled={!body.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}

/** One reply: who, when, the words (or "reply deleted"), and its author's edit and delete. */
function ReplyItem(props: {
  note: ShownNote
  reply: Reply
  commands: NoteCommands | null
  ask: Ask
}) {
  const { note, reply, commands, ask } = props
  const [editing, setEditing] = useState(false)
  const mine = commands !== null && reply.authorAccountId === commands.author.accountId
  if (reply.deleted) {
    return <li className="reply reply-deleted muted">reply deleted</li>
  }
  return (
    <li className="reply" data-reply-id={reply.id}>
      <p className="reply-head">
        <span className="reply-author">{reply.authorName}</span>{' '}
        <time className="muted" dateTime={reply.createdAt}>
          {formatWhen(reply.createdAt)}
        </time>
        {reply.editedAt && <span className="muted"> · edited</span>}
      </p>
      {editing && commands ? (
        <ReplyForm
          label="Edit your reply"
          initial={reply.body}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={(body) => {
            commands.editReply(note.id, reply.id, body)
            setEditing(false)
          }}
        />
      ) : (
        <NoteBody text={reply.body} />
      )}
      {mine && !editing && commands && (
        <div className="note-actions">
          <button type="button" className="button-quiet" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            className="button-quiet danger-text"
            onClick={() =>
              ask({
                title: 'Delete your reply?',
                text: 'Its words are removed for everyone in your group; the thread shows “reply deleted”.',
                confirmLabel: 'Delete reply',
                danger: true,
                run: () => commands.deleteReply(note.id, reply.id),
              })
            }
          >
            Delete
          </button>
        </div>
      )}
    </li>
  )
}

/** The replies of a note in order, and a box to reply for those who may write the thread. */
export function ReplyThread({ note, commands, ask }: ReplyThreadProps) {
  const writable = note.source === 'group' ? commands : null
  const [replying, setReplying] = useState(false)
  return (
    <div className="note-thread">
      {note.replies.length > 0 && (
        <ol className="replies" aria-label={`Replies (${note.replies.length})`}>
          {note.replies.map((r) => (
            <ReplyItem key={r.id} note={note} reply={r} commands={writable} ask={ask} />
          ))}
        </ol>
      )}
      {writable &&
        (replying ? (
          <ReplyForm
            label="Reply"
            submitLabel="Reply"
            onSubmit={(body) => {
              writable.reply(note.id, body)
              setReplying(false)
            }}
            onCancel={() => setReplying(false)}
          />
        ) : (
          <button type="button" className="button-quiet" onClick={() => setReplying(true)}>
            Reply…
          </button>
        ))}
    </div>
  )
}
