import { useEffect, useMemo, useState } from 'react'
import { can, type Principal } from '../../../../shared/domain/policy'
import type { Round } from '../../../../shared/domain/rounds'
import type { Session, SessionInput } from '../../../../shared/domain/sessions'
import type { Issue } from '../../../../shared/domain/stances/types'
import type { Navigate } from '../../useRoute'
import { useParticipants } from '../actors/useParticipants'
import { listIssues } from '../issues/issuesApi'
import { listMembers, type Member } from '../members/membersApi'
import { actorChoices } from '../proposals/actorNames'
import { useActorNames } from '../proposals/useActorNames'
import { useRegister } from '../proposals/useRegister'
import { SessionBoard } from './SessionBoard'
import { SessionDetail } from './SessionDetail'
import {
  changeSession,
  createSession,
  getSession,
  listMainArticles,
  openSession,
  reportSession,
  type MainArticle,
} from './sessionsApi'
import { putSession, useSessions } from './useSessions'
import './sessions.css'

/** The props of the Sessions board and of one session's page. */
export interface SessionsPageProps {
  negotiationId: string
  principal: Principal
  rounds: Round[]
  navigate: Navigate
  /** The session whose text is shown; none: the board. */
  sessionId?: string
}

/** The main text's articles, loaded once per page (numbers and titles for the sessions). */
function useMainArticles(negotiationId: string, generation: number): MainArticle[] | null {
  const [articles, setArticles] = useState<MainArticle[] | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    listMainArticles(negotiationId, abort.signal).then(setArticles, () => {})
    return () => abort.abort()
  }, [negotiationId, generation])
  return articles
}

/**
 * Sessions (issue 13): the board of the day's sessions — articles, facilitator, status, whether
 * observers may follow —, the chair's form, and a session's page with its working text.
 */
export function SessionsPage(props: SessionsPageProps) {
  const { negotiationId, principal, rounds, navigate, sessionId } = props
  const { sessions, error, reload } = useSessions(negotiationId)
  const manage = can(principal, { type: 'manage-sessions' }).ok
  const [generation, setGeneration] = useState(0)
  const mainArticles = useMainArticles(negotiationId, generation)
  const { participants } = useParticipants(negotiationId)
  const actors = useMemo(() => actorChoices(participants), [participants])

  const onOpen = async (s: Session) => putSession(await openSession(negotiationId, s.id))
  const onReport = async (s: Session) => putSession(await reportSession(negotiationId, s.id))

  if (sessionId) {
    return (
      <SessionView
        {...props}
        sessionId={sessionId}
        sessions={sessions}
        reload={reload}
        mainArticles={mainArticles}
        participants={participants}
        onOpen={onOpen}
        onReport={onReport}
        onChanged={(s) => {
          putSession(s)
          // An applied article changes the main text's wording (and perhaps its titles).
          setGeneration((g) => g + 1)
        }}
      />
    )
  }
  return (
    <Board
      negotiationId={negotiationId}
      principal={principal}
      rounds={rounds}
      navigate={navigate}
      manage={manage}
      sessions={sessions}
      error={error}
      mainArticles={mainArticles}
      actors={actors}
      onOpen={onOpen}
    />
  )
}

interface BoardProps extends Omit<SessionsPageProps, 'sessionId'> {
  manage: boolean
  sessions: Session[] | null
  error: string | null
  mainArticles: MainArticle[] | null
  actors: ReturnType<typeof actorChoices>
  onOpen: (s: Session) => Promise<void>
}

/** The board with the issues it names, and the members the chair's form chooses from. */
function Board(props: BoardProps) {
  const { negotiationId, manage } = props
  const [members, setMembers] = useState<Member[] | null>(null)
  const [issues, setIssues] = useState<Issue[]>([])
  useEffect(() => {
    const abort = new AbortController()
    // The issues name what each session covers; the members list is the chair's alone.
    listIssues(negotiationId, abort.signal).then(setIssues, () => {})
    if (manage) listMembers(negotiationId, abort.signal).then(setMembers, () => {})
    return () => abort.abort()
  }, [negotiationId, manage])
  return (
    <SessionBoard
      negotiationId={negotiationId}
      principal={props.principal}
      navigate={props.navigate}
      sessions={props.sessions}
      error={props.error}
      articles={props.mainArticles}
      issues={issues}
      members={members}
      actors={props.actors}
      onOpen={props.onOpen}
      onCreate={async (input: SessionInput) =>
        putSession(await createSession(negotiationId, input))
      }
      onChange={async (s: Session, input: SessionInput) =>
        putSession(await changeSession(negotiationId, s.id, input))
      }
    />
  )
}

interface SessionViewProps extends SessionsPageProps {
  sessionId: string
  sessions: Session[] | null
  reload: () => void
  mainArticles: MainArticle[] | null
  participants: ReturnType<typeof useParticipants>['participants']
  onOpen: (s: Session) => Promise<void>
  onReport: (s: Session) => Promise<void>
  onChanged: (s: Session) => void
}

/** One session's page, from the board's list (or asked for alone when the list lacks it). */
function SessionView(props: SessionViewProps) {
  const { negotiationId, sessionId, sessions } = props
  const listed = sessions?.find((s) => s.id === sessionId) ?? null
  const [alone, setAlone] = useState<{ session: Session | null; error: string | null }>({
    session: null,
    error: null,
  })
  const register = useRegister(negotiationId)
  const names = useActorNames(props.participants)
  const missing = sessions !== null && !listed
  useEffect(() => {
    if (!missing) return
    const abort = new AbortController()
    getSession(negotiationId, sessionId, abort.signal).then(
      (session) => setAlone({ session, error: null }),
      (err: unknown) =>
        !abort.signal.aborted && setAlone({ session: null, error: (err as Error).message }),
    )
    return () => abort.abort()
  }, [negotiationId, sessionId, missing])
  const session = listed ?? alone.session
  if (!session) {
    return (
      <main className="sheet session-page">
        <h2 className="sheet-title">Session</h2>
        {alone.error ? (
          <p className="form-error" role="alert">
            {alone.error}
          </p>
        ) : (
          <p className="muted" role="status">
            Loading the session…
          </p>
        )}
      </main>
    )
  }
  return (
    <SessionDetail
      session={session}
      principal={props.principal}
      rounds={props.rounds}
      navigate={props.navigate}
      mainArticles={props.mainArticles}
      register={register}
      names={names}
      onOpen={props.onOpen}
      onReport={props.onReport}
      onChanged={props.onChanged}
    />
  )
}
