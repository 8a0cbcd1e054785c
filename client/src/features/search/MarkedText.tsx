import type { Marked } from '../../../../shared/domain/search/query'

/** Text with the server's marked ranges as <mark>, built as elements (never as HTML). */
export function MarkedText({ value }: { value: Marked }) {
  const parts: React.ReactNode[] = []
  let at = 0
  value.marks.forEach(([from, to], i) => {
    if (from < at || to > value.text.length) return
    if (from > at) parts.push(value.text.slice(at, from))
    parts.push(<mark key={i}>{value.text.slice(from, to)}</mark>)
    at = to
  })
  if (at < value.text.length) parts.push(value.text.slice(at))
  return <>{parts}</>
}
