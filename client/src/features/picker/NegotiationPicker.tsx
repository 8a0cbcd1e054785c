import { useEffect, useState } from 'react'
import { listNegotiations, type NegotiationInfo } from '../../api'
import { pathOf, type Route } from '../../useRoute'

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; list: NegotiationInfo[] }

/** The list of negotiations to open, from the REST API. */
export function NegotiationPicker({ navigate }: { navigate: (route: Route) => void }) {
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

  return (
    <main className="picker">
      <h1 className="brand-large">Plenary</h1>
      <p className="lede">Treaty texts, article by article, negotiated live.</p>
      <h2>Negotiations</h2>
      {load.kind === 'loading' && <p role="status">Loading negotiations…</p>}
      {load.kind === 'error' && <p role="alert">Could not load negotiations: {load.message}</p>}
      {load.kind === 'ready' && load.list.length === 0 && <p>No negotiations yet.</p>}
      {load.kind === 'ready' && load.list.length > 0 && (
        <ul className="picker-list">
          {load.list.map((n) => {
            const route: Route = { page: 'negotiation', id: n.id }
            return (
              <li key={n.id}>
                <a
                  href={pathOf(route)}
                  onClick={(e) => {
                    // Plain clicks stay in the app; modified clicks open a tab as usual.
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return
                    e.preventDefault()
                    navigate(route)
                  }}
                >
                  {n.name}
                </a>
              </li>
            )
          })}
        </ul>
      )}
    </main>
  )
}
