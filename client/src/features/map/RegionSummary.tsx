import type { RegionCount } from '../../../../shared/domain/stances/mapSummary'

interface RegionSummaryProps {
  id: string
  title: string
  /** What the first column names: "Region" or "UN regional group". */
  kind: string
  /** The counted classes, in order, with their names: the stances, or the treaty statuses. */
  columns: readonly { key: string; label: string }[]
  /** Names the attribute each count carries for tests and styles: data-stance, data-treaty. */
  attribute: 'data-stance' | 'data-treaty'
  rows: readonly RegionCount<string>[]
}

/** Counts of states per stance (or treaty status) in each region or UN regional group, as a table. */
export function RegionSummary({ id, title, kind, columns, attribute, rows }: RegionSummaryProps) {
  return (
    <section className="map-summary" aria-labelledby={id}>
      <h3 id={id} className="subheading">
        {title}
      </h3>
      <div className="table-scroll">
        <table className="data-table map-summary-table" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{kind}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num">
                States
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} data-region={r.name}>
                <th scope="row">{r.name}</th>
                {columns.map((c) => (
                  <td key={c.key} className="num" {...{ [attribute]: c.key }}>
                    {r.counts[c.key] || <span className="map-zero">0</span>}
                  </td>
                ))}
                <td className="num">{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
