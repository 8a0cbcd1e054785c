import type { MapStance } from '../../../../shared/domain/stances/mapSummary'
import { MAP_STANCE_LABELS } from './mapLabels'

const FILLS: MapStance[] = [
  'supports',
  'opposes',
  'concerns',
  'neutral',
  'statement',
  'mixed',
  'unknown',
]

/**
 * The map's legend: a swatch per stance, and the marks laid over a fill (said of a parent issue,
 * a synthetic entry, a state off the target list).
 */
export function MapLegend({ dimming }: { dimming: boolean }) {
  return (
    <div className="map-legend" role="group" aria-label="Legend">
      <ul className="map-legend-list">
        {FILLS.map((s) => (
          <li key={s}>
            <span className={`map-swatch map-fill-${s}`} aria-hidden="true" />
            {MAP_STANCE_LABELS[s]}
          </li>
        ))}
      </ul>
      <ul className="map-legend-list">
        <li>
          <span className="map-swatch map-fill-supports is-inherited" aria-hidden="true" />
          Hatched: said of a parent issue (inherited)
        </li>
        <li>
          <span className="map-swatch map-fill-supports is-synthetic" aria-hidden="true" />
          Dashed outline: a synthetic entry
        </li>
        {dimming && (
          <li>
            <span className="map-swatch map-fill-supports is-dimmed" aria-hidden="true" />
            Faint: not on the target list
          </li>
        )}
      </ul>
    </div>
  )
}
