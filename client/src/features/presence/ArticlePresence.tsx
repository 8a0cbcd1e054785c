import { readingWords } from './presenceWords'
import type { Peer } from './usePeers'

/**
 * Who else is in an article, on its line of the outline: a count of the readers the room does
 * not list ("12 reading"), then a coloured dot per person it does, named for screen readers.
 */
export function ArticlePresence({ here, reading }: { here: readonly Peer[]; reading: number }) {
  return (
    <>
      {reading > 0 && (
        <span
          className="outline-reading"
          data-testid="reading-count"
          title={`${readingWords(reading)} here, besides those shown by name`}
        >
          {readingWords(reading)}
        </span>
      )}
      {here.length > 0 && (
        <span className="outline-dots" aria-label={`Here: ${here.map((p) => p.name).join(', ')}`}>
          {here.map((p) => (
            <span key={p.clientId} className="dot" style={{ background: p.color }} title={p.name} />
          ))}
        </span>
      )}
    </>
  )
}
