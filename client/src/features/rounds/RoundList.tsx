import type { Round, RoundState } from '../../../../shared/domain/rounds'
import './roundList.css'

const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

/** "22–23 Feb 2007": the dates of a conference, as a delegate would write them. */
export function roundDates(round: Pick<Round, 'startDate' | 'endDate'>): string {
  const start = new Date(`${round.startDate}T00:00:00Z`)
  const end = new Date(`${round.endDate}T00:00:00Z`)
  const sameMonth = round.startDate.slice(0, 7) === round.endDate.slice(0, 7)
  return sameMonth
    ? `${start.getUTCDate()}–${end.getUTCDate()} ${month.format(end)}`
    : `${start.getUTCDate()} ${month.format(start)} – ${end.getUTCDate()} ${month.format(end)}`
}

/** What an unverified round's mark means, in words. */
export const UNVERIFIED =
  'Dates not confirmed by a cited source (background knowledge): check before relying on them.'

/** A round's dates, marked "?" with its meaning when they are not confirmed by a source. */
export function RoundDates({
  round,
}: {
  round: Pick<Round, 'startDate' | 'endDate' | 'verified'>
}) {
  return (
    <>
      {roundDates(round)}
      {!round.verified && (
        <span className="round-unverified" title={UNVERIFIED}>
          {' '}
          ?<span className="visually-hidden"> (dates not confirmed by a source)</span>
        </span>
      )}
    </>
  )
}

/** "Dublin": the city of a round's place, or its name. */
const cityOf = (r: Pick<Round, 'place' | 'name'>) => r.place.split(',')[0]?.trim() || r.name

/**
 * The rounds of a negotiation (its conferences), in order, with place and dates: which one is
 * open now, and a legend for dates not confirmed by a source.
 */
export function RoundList({ rounds }: { rounds: (Round & Partial<Pick<RoundState, 'status'>>)[] }) {
  if (rounds.length === 0) return null
  const open = rounds.find((r) => r.status === 'open')
  return (
    <section className="rounds" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading" className="panel-heading">
        Rounds <span className="count">{rounds.length}</span>
      </h2>
      <p className="round-open" data-testid="round-open">
        {open ? (
          <>
            Open: {cityOf(open)}, <RoundDates round={open} />
          </>
        ) : (
          'No round is open.'
        )}
      </p>
      <ol className="round-list" data-testid="rounds">
        {rounds.map((r) => (
          <li
            key={r.id}
            className={`round${r === open ? ' round-is-open' : ''}`}
            title={r.outcome ?? r.name}
            aria-current={r === open ? 'true' : undefined}
          >
            <span className="round-place">
              {cityOf(r)}
              {r === open && <span className="round-open-mark"> (open)</span>}
            </span>
            <span className="round-dates">
              <RoundDates round={r} />
            </span>
          </li>
        ))}
      </ol>
      {rounds.some((r) => !r.verified) && (
        <p className="round-legend muted" data-testid="round-legend">
          ? date not confirmed by a source
        </p>
      )}
    </section>
  )
}
