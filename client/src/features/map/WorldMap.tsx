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

/**
 * How the map paints a state when not by its stance (e.g. by treaty status): the fill's class
 * suffix ('unknown' stays grey and is no button), its words for a screen reader and a tooltip,
 * and the short name shown beside a state too small to draw.
 */
export interface MapPaint {
  fill: (s: ActorStance) => string
  label: (s: ActorStance, dimmed: boolean) => string
  name: (s: ActorStance) => string
}

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
  /** Paint by something else than the stance (no inherited, disagreeing or synthetic marks). */
  paint?: MapPaint
}

const stanceFill = (s: ActorStance): string => s.stance

interface Drawn {
  shape: CountryShape
  state: ActorStance
}

/**
 * The world map: every country in grey, each state with an entry filled with its stance, hatched
 * where it was said of a parent issue, striped where records disagree, outlined dashed where an
 * entry is synthetic; or painted as `paint` says (by treaty status). A coloured state is a
 * button (Tab, Enter or a click opens its entries), in the order of names; states too small for
 * the 1:110m shapes are listed under the map.
 */
export function WorldMap(props: WorldMapProps) {
  const { states, names, isDimmed, selected, onOpen, label, zoom, paint } = props
  const byStance = paint === undefined
  const fillOf = paint?.fill ?? stanceFill
  const labelOf =
    paint?.label ?? ((s: ActorStance, dimmed: boolean) => stateLabel(s, names, dimmed))
  const nameOf = paint?.name ?? ((s: ActorStance) => MAP_STANCE_LABELS[s.stance])
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
      if (state && fillOf(state) !== 'unknown') coloured.push({ shape, state })
      else grey.push({ shape, actorId: state?.actor.id ?? null })
    }
    coloured.sort((a, b) => a.state.actor.name.localeCompare(b.state.actor.name, 'en'))
    const undrawn = states.filter((s) => fillOf(s) !== 'unknown' && !drawnIds.has(s.actor.id))
    return { grey, coloured, undrawn }
  }, [states, fillOf])

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
            const fill = fillOf(state)
            const classes = [
              'map-country',
              'map-state',
              `map-fill-${fill}`,
              byStance && hasSynthetic(state) ? 'is-synthetic' : '',
              dimmed ? 'is-dimmed' : '',
            ]
            return (
              <path
                key={id}
                className={classes.filter(Boolean).join(' ')}
                d={shape.d}
                style={byStance && fill === 'mixed' ? { fill: `url(#${mixed})` } : undefined}
                role="button"
                tabIndex={0}
                aria-label={labelOf(state, dimmed)}
                aria-pressed={selected === id}
                data-actor={id}
                {...(byStance ? { 'data-stance': fill } : { 'data-paint': fill })}
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
            .filter(({ state }) => byStance && state.cell?.inheritedFrom)
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
        {shown ? labelOf(shown.state, isDimmed(shown.state.actor.id)) : '\u00a0'}
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
                  aria-label={labelOf(s, isDimmed(s.actor.id))}
                  aria-pressed={selected === s.actor.id}
                  onClick={() => onOpen(s.actor.id)}
                >
                  {s.actor.name}
                </button>{' '}
                <span className={`map-swatch map-fill-${fillOf(s)}`} aria-hidden="true" />{' '}
                <span aria-hidden="true">{nameOf(s)}</span>
                {byStance && hasSynthetic(s) && <ProvenanceBadge provenance="synthetic" />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
