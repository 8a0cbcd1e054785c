import type { Round } from '../../../../shared/domain/rounds'

const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "22-23 Feb 2007": the dates of a conference, as a delegate would write them. */
export function roundDates(round: Pick<Round, 'startDate' | 'endDate'>): string {
  const start = new Date(`${round.startDate}T00:00:00Z`)
  const end = new Date(`${round.endDate}T00:00:00Z`)
  const sameMonth = round.startDate.slice(0, 7) === round.endDate.slice(0, 7)
  return sameMonth
    ? `${start.getUTCDate()}-${end.getUTCDate()} ${month.format(end)}`
    : `${start.getUTCDate()} ${month.format(start)} - ${end.getUTCDate()} ${month.format(end)}`
}

/** The rounds of a negotiation (its conferences), in order, with place and dates. */
export function RoundList({ rounds }: { rounds: Round[] }) {
  if (rounds.length === 0) return null
  return (
    <section className="rounds" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading" className="panel-heading">
        Rounds <span className="count">{rounds.length}</span>
      </h2>
      <ol className="round-list" data-testid="rounds">
        {rounds.map((r) => (
          <li key={r.id} className="round" title={r.outcome ?? r.name}>
            <span className="round-place">{r.place.split(',')[0]}</span>
            <span className="round-dates">
              {roundDates(r)}
              {!r.verified && <abbr title="Dates not confirmed by a cited source"> (?)</abbr>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
