import { useEffect, useId, useState, type FormEvent } from 'react'
import {
  DISTRIBUTIONS,
  type Distribution,
  type DocumentSettings,
} from '../../../../shared/domain/documents'
import { negotiationPath, request } from '../../api'
import type { RoundState } from './roundsApi'

interface DocumentSettingsFormProps {
  negotiationId: string
  /** The rounds, of which those with a frozen text can be given a symbol of their own. */
  rounds: readonly RoundState[]
}

const LIVE = ''

/**
 * The chair's form for a text as circulated: its document symbol and whether its distribution
 * is general or limited, for the current text or a closed round's; exports print them.
 */
export function DocumentSettingsForm({ negotiationId, rounds }: DocumentSettingsFormProps) {
  const id = useId()
  const [all, setAll] = useState<DocumentSettings[]>([])
  const [text, setText] = useState(LIVE)
  const [symbol, setSymbol] = useState('')
  const [distribution, setDistribution] = useState<Distribution>('general')
  const [status, setStatus] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Choosing a text shows what is set for it.
  const choose = (key: string, list: readonly DocumentSettings[]) => {
    const set = list.find((d) => (d.roundId ?? LIVE) === key)
    setText(key)
    setSymbol(set?.symbol ?? '')
    setDistribution(set?.distribution ?? 'general')
  }

  useEffect(() => {
    const abort = new AbortController()
    const path = negotiationPath(negotiationId, '/documents')
    request<{ documents: DocumentSettings[] }>('GET', path, { signal: abort.signal }).then(
      (r) => {
        setAll(r.documents)
        const live = r.documents.find((d) => d.roundId === null)
        setSymbol(live?.symbol ?? '')
        setDistribution(live?.distribution ?? 'general')
      },
      () => {},
    )
    return () => abort.abort()
  }, [negotiationId])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setStatus(null)
    const body = { roundId: text === LIVE ? null : text, symbol, distribution }
    request<{ document: DocumentSettings }>('PATCH', negotiationPath(negotiationId, '/documents'), {
      body,
    })
      .then(({ document }) => {
        setAll((list) => [...list.filter((d) => d.roundId !== document.roundId), document])
        setStatus('Saved: exports of this text now carry it.')
      })
      .catch((err: unknown) => setStatus((err as Error).message))
      .finally(() => setBusy(false))
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="panel-heading">
        Document symbol
      </h3>
      <form className="stack-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Text</label>
          <select id={`${id}-text`} value={text} onChange={(e) => choose(e.target.value, all)}>
            <option value={LIVE}>Current text</option>
            {rounds
              .filter((r) => r.snapshotName !== null)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.snapshotName}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-symbol`}>Symbol</label>
          <input
            id={`${id}-symbol`}
            value={symbol}
            maxLength={80}
            placeholder="CCM/CONF/2008/WP.1"
            onChange={(e) => setSymbol(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-distr`}>Distribution</label>
          <select
            id={`${id}-distr`}
            value={distribution}
            onChange={(e) => setDistribution(e.target.value as Distribution)}
          >
            {DISTRIBUTIONS.map((d) => (
              <option key={d} value={d}>
                {d === 'general' ? 'General' : 'Limited'}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={busy}>
          Save
        </button>
        {status && (
          <p className="muted small" role="status">
            {status}
          </p>
        )}
      </form>
    </section>
  )
}
