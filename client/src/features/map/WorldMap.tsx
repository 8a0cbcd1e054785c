import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { ActorStance } from '../../../../shared/domain/stances/mapSummary'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { hasSynthetic, MAP_STANCE_LABELS, stateLabel, type MapNames } from './mapLabels'
import {
  COUNTRY_SHAPES,
  GRATICULE_PATH,
  MAP_WIDTH,
  SPHERE_PATH,
  viewBoxOf,
  type CountryShape,
} from './mapShapes'
import type { Zoom } from './mapZoom'

interface WorldMapProps {
  /** Every state the data names, with its stance ('unknown' ones stay grey). */
  states: readonly ActorStance[]
  names: MapNames
  /** States a target list leaves out: drawn faint. */
  isDimmed: (actorId: string) => boolean
  /** The state whose entries are open. */
  selected: string | null
  onOpen: (actorId: string) => void
  /** What the map shows, for screen readers ("Transition periods, Vienna"). */
  label: string
  zoom: Zoom
}

interface Drawn {
  shape: CountryShape
  state: ActorStance
}

/**
 * The world map: every country in grey, each state with an entry filled with its stance, hatched
 * where it was said of a parent issue, striped where records disagree, outlined dashed where an
 * entry is synthetic. A coloured state is a button (Tab, Enter or a click opens its entries),
 * in the order of names; states too small for the 1:110m shapes are listed under the map.
 */
export function WorldMap(props: WorldMapProps) {
  const { states, names, isDimmed, selected, onOpen, label, zoom } = props
  // useId's punctuation is not safe inside url(#…).
  const uid = 'map' + useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const [pointed, setPointed] = useState<string | null>(null)

  const { grey, coloured, undrawn } = useMemo(() => {
    const byNumeric = new Map<string, ActorStance>()
    const byName = new Map<string, ActorStance>()
    for (const s of states) {
      if (s.actor.isoNumeric) byNumeric.set(s.actor.isoNumeric, s)
      byName.set(s.actor.name, s)
    }
    const grey: { shape: CountryShape; actorId: string | null }[] = []
    const coloured: Drawn[] = []
    const drawnIds = new Set<string>()
    for (const shape of COUNTRY_SHAPES) {
      // The few shapes without an ISO number (Kosovo) are matched by name.
      const state = shape.id ? byNumeric.get(shape.id) : byName.get(shape.name)
      if (state) drawnIds.add(state.actor.id)
      if (state && state.stance !== 'unknown') coloured.push({ shape, state })
      else grey.push({ shape, actorId: state?.actor.id ?? null })
    }
    coloured.sort((a, b) => a.state.actor.name.localeCompare(b.state.actor.name, 'en'))
    const undrawn = states.filter((s) => s.stance !== 'unknown' && !drawnIds.has(s.actor.id))
    return { grey, coloured, undrawn }
  }, [states])

  const [x, y, width, height] = viewBoxOf(zoom)
  // Patterns are drawn in map units: scaled with the zoom so that stripes keep their size.
  const unit = width / MAP_WIDTH
  const hatch = `${uid}-hatch`
  const mixed = `${uid}-mixed`
  const ring = coloured.find((c) => c.state.actor.id === (pointed ?? selected))
  const shown = ring ?? null

  const open = (actorId: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onOpen(actorId)
    }
  }

  return (
    <div className="world-map">
      <svg
        className="world-map-svg"
        viewBox={`${x} ${y} ${width} ${height}`}
        role="group"
        aria-label={label}
        data-zoom={zoom}
      >
        <defs>
          <pattern
            id={hatch}
            patternUnits="userSpaceOnUse"
            width={4 * unit}
            height={4 * unit}
            patternTransform="rotate(45)"
          >
            <rect className="map-hatch-line" width={1.6 * unit} height={4 * unit} />
          </pattern>
          <pattern
            id={mixed}
            patternUnits="userSpaceOnUse"
            width={6 * unit}
            height={6 * unit}
            patternTransform="rotate(-45)"
          >
            <rect className="map-mixed-ground" width={6 * unit} height={6 * unit} />
            <rect className="map-mixed-line" width={3 * unit} height={6 * unit} />
          </pattern>
        </defs>
        <path className="map-sea" d={SPHERE_PATH} aria-hidden="true" />
        <path className="map-graticule" d={GRATICULE_PATH} aria-hidden="true" />
        <g aria-hidden="true">
          {grey.map(({ shape, actorId }) => (
            <path
              key={shape.id || shape.name}
              // With a target list, states off it fade, so that those on it stand out even grey.
              className={`map-country${isDimmed(actorId ?? '') ? ' is-dimmed' : ''}`}
              d={shape.d}
            />
          ))}
        </g>
        <g>
          {coloured.map(({ shape, state }) => {
            const id = state.actor.id
            const dimmed = isDimmed(id)
            const classes = [
              'map-country',
              'map-state',
              `map-fill-${state.stance}`,
              hasSynthetic(state) ? 'is-synthetic' : '',
              dimmed ? 'is-dimmed' : '',
            ]
            return (
              <path
                key={id}
                className={classes.filter(Boolean).join(' ')}
                d={shape.d}
                style={state.stance === 'mixed' ? { fill: `url(#${mixed})` } : undefined}
                role="button"
                tabIndex={0}
                aria-label={stateLabel(state, names, dimmed)}
                aria-pressed={selected === id}
                data-actor={id}
                data-stance={state.stance}
                onClick={() => onOpen(id)}
                onKeyDown={open(id)}
                onFocus={() => setPointed(id)}
                onBlur={() => setPointed(null)}
                onMouseEnter={() => setPointed(id)}
                onMouseLeave={() => setPointed(null)}
              />
            )
          })}
        </g>
        <g aria-hidden="true" className="map-overlays">
          {coloured
            .filter(({ state }) => state.cell?.inheritedFrom)
            .map(({ shape, state }) => (
              <path
                key={state.actor.id}
                className={`map-inherited${isDimmed(state.actor.id) ? ' is-dimmed' : ''}`}
                d={shape.d}
                fill={`url(#${hatch})`}
              />
            ))}
          {ring && <path className="map-ring" d={ring.shape.d} />}
        </g>
      </svg>
      <p className="map-pointed" aria-hidden="true">
        {shown ? stateLabel(shown.state, names, isDimmed(shown.state.actor.id)) : '\u00a0'}
      </p>
      {undrawn.length > 0 && (
        <div className="map-undrawn">
          <h3 className="subheading">Too small to draw at this scale</h3>
          <ul className="plain-list">
            {undrawn.map((s) => (
              <li key={s.actor.id} className={isDimmed(s.actor.id) ? 'is-dimmed' : undefined}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={stateLabel(s, names, isDimmed(s.actor.id))}
                  aria-pressed={selected === s.actor.id}
                  onClick={() => onOpen(s.actor.id)}
                >
                  {s.actor.name}
                </button>{' '}
                <span className={`map-swatch map-fill-${s.stance}`} aria-hidden="true" />{' '}
                <span aria-hidden="true">{MAP_STANCE_LABELS[s.stance]}</span>
                {hasSynthetic(s) && <ProvenanceBadge provenance="synthetic" />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
