import type { MapStance } from '../../../../shared/domain/stances/mapSummary'
import { TREATY_CLASSES, treatyClassLabel } from '../../../../shared/domain/stances/treatyStatus'
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

interface MapLegendProps {
  dimming: boolean
  /** When the map is coloured by treaty status: what a state not in the list is, in words. */
  treatyAbsent?: string | null
}

/**
 * The map's legend: a swatch per stance, and the marks laid over a fill (said of a parent issue,
 * a synthetic entry, a state off the target list); or, coloured by treaty status, a swatch per
 * status, unknown grey and named as unknown.
 */
export function MapLegend({ dimming, treatyAbsent = null }: MapLegendProps) {
  const byTreaty = treatyAbsent !== null
  return (
    <div className="map-legend" role="group" aria-label="Legend">
      <ul className="map-legend-list">
        {byTreaty
          ? TREATY_CLASSES.map((c) => (
              <li key={c}>
                <span className={`map-swatch map-fill-${c}`} aria-hidden="true" />
                {treatyClassLabel(c, treatyAbsent)}
              </li>
            ))
          : FILLS.map((s) => (
              <li key={s}>
                <span className={`map-swatch map-fill-${s}`} aria-hidden="true" />
                {MAP_STANCE_LABELS[s]}
              </li>
            ))}
      </ul>
      <ul className="map-legend-list">
        {!byTreaty && (
          <>
            <li>
              <span className="map-swatch map-fill-supports is-inherited" aria-hidden="true" />
              Hatched: said of a parent issue (inherited)
            </li>
            <li>
              <span className="map-swatch map-fill-supports is-synthetic" aria-hidden="true" />
              Dashed outline: a synthetic entry
            </li>
          </>
        )}
        {dimming && (
          <li>
            <span
              className={`map-swatch map-fill-${byTreaty ? 'ratified' : 'supports'} is-dimmed`}
              aria-hidden="true"
            />
            Faint: not on the target list
          </li>
        )}
      </ul>
    </div>
  )
}
