import { MAP_STANCES, type RegionCount } from '../../../../shared/domain/stances/mapSummary'
import { MAP_STANCE_LABELS } from './mapLabels'

interface RegionSummaryProps {
  id: string
  title: string
  /** What the first column names: "Region" or "UN regional group". */
  kind: string
  rows: readonly RegionCount[]
}

/** Counts of states per stance in each region or UN regional group, as a table. */
export function RegionSummary({ id, title, kind, rows }: RegionSummaryProps) {
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
              {MAP_STANCES.map((s) => (
                <th key={s} scope="col" className="num">
                  {MAP_STANCE_LABELS[s]}
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
                {MAP_STANCES.map((s) => (
                  <td key={s} className="num" data-stance={s}>
                    {r.counts[s] || <span className="map-zero">0</span>}
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
