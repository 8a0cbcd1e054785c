import { useEffect, useState } from 'react'
import { cleaningByRound, type TextCleaning } from './numberingApi'

/**
 * Cleaning progress: the brackets and option blocks of each round's frozen text and of the
 * current text, so that the chair sees them fall round by round. Read again with `generation`.
 */
export function CleaningTable({
  negotiationId,
  generation,
}: {
  negotiationId: string
  generation: number
}) {
  const [texts, setTexts] = useState<TextCleaning[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    cleaningByRound(negotiationId, abort.signal).then(setTexts, (e: unknown) => {
      if (!abort.signal.aborted) setError((e as Error).message)
    })
    return () => abort.abort()
  }, [negotiationId, generation])
  return (
    <section className="cleaning-progress" aria-labelledby="cleaning-heading">
      <h3 id="cleaning-heading" className="subheading">
        Cleaning progress
      </h3>
      {error && <p className="form-error">{error}</p>}
      {!texts && !error && <p role="status">Counting brackets…</p>}
      {texts && (
        <table className="data-table cleaning-table" data-testid="cleaning-table">
          <thead>
            <tr>
              <th scope="col">Text</th>
              <th scope="col">Articles</th>
              <th scope="col">Brackets</th>
              <th scope="col">Option blocks</th>
            </tr>
          </thead>
          <tbody>
            {texts.map((t) => (
              <tr key={t.roundId ?? 'current'} data-text={t.roundId ?? 'current'}>
                <th scope="row">{t.name}</th>
                <td className="numeric">{t.articles}</td>
                <td className="numeric" data-testid="brackets">
                  {t.brackets}
                </td>
                <td className="numeric" data-testid="options">
                  {t.options}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
