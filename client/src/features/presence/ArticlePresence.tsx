import { readingWords } from './presenceWords'
import type { Peer } from './usePeers'

/** Coloured dots an article's line of the outline shows at most; the others join the count. */
export const MAX_ARTICLE_DOTS = 5

/**
 * Who else is in an article, on its line of the outline: a coloured dot per person, named for
 * screen readers, up to MAX_ARTICLE_DOTS, and a count of the others ("12 reading": past the
 * dots, and the readers the room does not list one by one).
 */
export function ArticlePresence({ here, reading }: { here: readonly Peer[]; reading: number }) {
  const dotted = here.slice(0, MAX_ARTICLE_DOTS)
  const others = reading + here.length - dotted.length
  return (
    <>
      {others > 0 && (
        <span
          className="outline-reading"
          data-testid="reading-count"
          title={`${readingWords(others)} here, besides those shown by name`}
        >
          {readingWords(others)}
        </span>
      )}
      {dotted.length > 0 && (
        <span className="outline-dots" aria-label={`Here: ${dotted.map((p) => p.name).join(', ')}`}>
          {dotted.map((p) => (
            <span key={p.clientId} className="dot" style={{ background: p.color }} title={p.name} />
          ))}
        </span>
      )}
    </>
  )
}
