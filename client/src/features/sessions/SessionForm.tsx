import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  SESSION_KINDS,
  SESSION_KIND_LABELS,
  type Session,
  type SessionInput,
  type SessionKind,
} from '../../../../shared/domain/sessions'
import type { Issue } from '../../../../shared/domain/stances/types'
import { ActorCombobox } from '../common/ActorCombobox'
import type { Member } from '../members/membersApi'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import type { MainArticle } from './sessionsApi'

interface SessionFormProps {
  /** The session to edit; none: a new one. */
  session: Session | null
  /** The day the board shows, for a new session. */
  day: string
  articles: readonly MainArticle[] | null
  issues: readonly Issue[]
  members: readonly Member[] | null
  actors: ActorChoice[]
  onSave: (input: SessionInput) => Promise<void>
  onCancel: () => void
}

const toggle = (list: readonly string[], id: string, on: boolean): string[] =>
  on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id)

/** A member as the form lists them: "Delegate of France (@france)". */
const memberName = (m: Member) => `${m.displayName} (@${m.username})`

/**
 * The chair's form for a session: its name and kind, its facilitators (chosen from the
 * members), the articles and issues it covers, day, times and place, whether observers may
 * follow, and who may attend a closed one (delegations, and named accounts).
 */
export function SessionForm(props: SessionFormProps) {
  const { session, articles, issues, members, actors, onSave, onCancel } = props
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [name, setName] = useState(session?.name ?? '')
  const [kind, setKind] = useState<SessionKind>(session?.kind ?? 'informal-consultations')
  const [facilitators, setFacilitators] = useState<string[]>(session?.facilitators ?? [])
  const [articleIds, setArticleIds] = useState<string[]>(session?.articleIds ?? [])
  const [issueIds, setIssueIds] = useState<string[]>(session?.issueIds ?? [])
  const [day, setDay] = useState(session ? (session.day ?? '') : props.day)
  const [startTime, setStartTime] = useState(session?.startTime ?? '')
  const [endTime, setEndTime] = useState(session?.endTime ?? '')
  const [place, setPlace] = useState(session?.place ?? '')
  const [open, setOpen] = useState(session?.open ?? false)
  const [actorIds, setActorIds] = useState<string[]>(session?.attendeeActorIds ?? [])
  const [accountIds, setAccountIds] = useState<string[]>(session?.attendeeAccountIds ?? [])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => heading.current?.focus(), [])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!name.trim()) return setError('A session needs a name.')
    if (facilitators.length === 0) return setError('Choose a facilitator (at most four).')
    if (facilitators.length > 4) return setError('At most four co-facilitators.')
    // Articles in the text's order, as the session's copy keeps them.
    const order = new Map((articles ?? []).map((a, i) => [a.id, i]))
    const sorted = [...articleIds].sort(
      (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity),
    )
    setBusy(true)
    setError(null)
    onSave({
      name: name.trim(),
      kind,
      facilitators,
      articleIds: sorted,
      issueIds,
      day: day || null,
      startTime: startTime || null,
      endTime: endTime || null,
      place: place.trim(),
      open,
      attendeeActorIds: actorIds,
      attendeeAccountIds: accountIds,
    }).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false)
        setError((err as Error).message)
      },
    )
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || (e.target as Element).closest('.actor-combobox')) return
    e.preventDefault()
    onCancel()
  }

  // Accounts the session already names stay listed even if the members list lacks them.
  const memberIds = new Set((members ?? []).map((m) => m.accountId))
  const unknownFacilitators = facilitators.filter((f) => members && !memberIds.has(f))

  return (
    <form
      className="session-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={`${id}-h`}
      data-testid="session-form"
    >
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {session ? `Edit session: ${session.name}` : 'New session'}
      </h3>
      <div className="form-row">
        <label className="form-grow">
          Name
          <input
            value={name}
            required
            maxLength={200}
            placeholder="Friends of the President on Article 2"
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {SESSION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="session-form-choices">
        <legend>Facilitators (they alone write the session’s text)</legend>
        {!members && <p className="muted">Loading the members…</p>}
        {members?.map((m) => (
          <label key={m.accountId}>
            <input
              type="checkbox"
              checked={facilitators.includes(m.accountId)}
              onChange={(e) => setFacilitators((l) => toggle(l, m.accountId, e.target.checked))}
            />
            {memberName(m)}
          </label>
        ))}
        {unknownFacilitators.map((f) => (
          <label key={f}>
            <input
              type="checkbox"
              checked
              onChange={() => setFacilitators((l) => toggle(l, f, false))}
            />
            {session?.facilitatorNames[session.facilitators.indexOf(f)] ?? f}
          </label>
        ))}
      </fieldset>
      <fieldset className="session-form-choices">
        <legend>Articles it covers</legend>
        {!articles && <p className="muted">Loading the text’s articles…</p>}
        {articles?.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={articleIds.includes(a.id)}
              onChange={(e) => setArticleIds((l) => toggle(l, a.id, e.target.checked))}
            />
            {`Art. ${a.label} ${a.title}`.trim()}
          </label>
        ))}
      </fieldset>
      {issues.length > 0 && (
        <fieldset className="session-form-choices">
          <legend>Issues it covers</legend>
          {issues.map((issue) => (
            <label key={issue.id}>
              <input
                type="checkbox"
                checked={issueIds.includes(issue.id)}
                onChange={(e) => setIssueIds((l) => toggle(l, issue.id, e.target.checked))}
              />
              {issue.title}
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-row">
        <label>
          Day
          <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <label>
          Starts
          <input type="time" value={startTime} onChange={(e) => setStartTime(e.target.value)} />
        </label>
        <label>
          Ends
          <input type="time" value={endTime} onChange={(e) => setEndTime(e.target.value)} />
        </label>
        <label className="form-grow">
          Place
          <input
            value={place}
            maxLength={200}
            placeholder="Conference Room 4"
            onChange={(e) => setPlace(e.target.value)}
          />
        </label>
      </div>
      <fieldset className="session-form-open">
        <legend>Who may follow its text</legend>
        <label>
          <input type="radio" name={`${id}-open`} checked={!open} onChange={() => setOpen(false)} />
          Closed: its facilitators, the chair and the attendees listed below
        </label>
        <label>
          <input type="radio" name={`${id}-open`} checked={open} onChange={() => setOpen(true)} />
          Open: every member, observers and campaigners too, may follow
        </label>
      </fieldset>
      <ActorCombobox
        actors={actors}
        selected={actorIds}
        onChange={setActorIds}
        label="Attending delegations"
        inputLabel="Add a delegation"
        placeholder="Type a name or code"
      />
      {members && members.length > 0 && (
        <fieldset className="session-form-choices">
          <legend>Attending accounts</legend>
          {members.map((m) => (
            <label key={m.accountId}>
              <input
                type="checkbox"
                checked={accountIds.includes(m.accountId)}
                onChange={(e) => setAccountIds((l) => toggle(l, m.accountId, e.target.checked))}
              />
              {memberName(m)}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {session ? 'Save changes' : 'Create session'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  )
}
