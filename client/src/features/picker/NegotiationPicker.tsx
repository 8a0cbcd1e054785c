import { useEffect, useState } from 'react'
import { listNegotiations, type NegotiationInfo } from '../../api'
import { useMe } from '../../auth/SessionContext'
import { describeMembership } from '../../auth/principal'
import { linkTo, pathOf, type Navigate, type Route } from '../../useRoute'
import { TopBar } from '../shell/TopBar'
import { WhoAmI } from '../shell/WhoAmI'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; list: NegotiationInfo[] }

/** The negotiations the signed-in person takes part in, each with their role in it. */
export function NegotiationPicker({ navigate }: { navigate: Navigate }) {
  const me = useMe()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    listNegotiations(abort.signal).then(
      (list) => setLoad({ kind: 'ready', list }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setLoad({ kind: 'error', message: String((error as Error).message ?? error) })
      },
    )
    return () => abort.abort()
  }, [])
  useEffect(() => {
    document.title = 'Plenary'
  }, [])

  const roleIn = (id: string) => {
    const m = me.memberships.find((x) => x.negotiationId === id)
    return describeMembership(m, m ?? {}, me.account.isAdmin)
  }

  return (
    <div className="app">
      <TopBar navigate={navigate}>
        <WhoAmI
          displayName={me.account.displayName}
          username={me.account.username}
          role={me.account.isAdmin ? 'Administrator' : undefined}
        />
      </TopBar>
      <main className="picker">
        <h1 className="brand-large">Plenary</h1>
        <p className="lede">Treaty texts, article by article, negotiated live.</p>
        <h2>Your negotiations</h2>
        {load.kind === 'loading' && <p role="status">Loading negotiations…</p>}
        {load.kind === 'error' && <p role="alert">Could not load negotiations: {load.message}</p>}
        {load.kind === 'ready' && load.list.length === 0 && (
          <p>You take part in no negotiation yet. Ask a chair for an invitation link.</p>
        )}
        {load.kind === 'ready' && load.list.length > 0 && (
          <ul className="picker-list">
            {load.list.map((n) => {
              const route: Route = { page: 'negotiation', id: n.id, view: 'text' }
              return (
                <li key={n.id}>
                  <a href={pathOf(route)} onClick={linkTo(navigate, route)}>
                    <span className="picker-name">{n.name}</span>
                    <span className="picker-role">{roleIn(n.id)}</span>
                  </a>
                </li>
              )
            })}
          </ul>
        )}
      </main>
    </div>
  )
}
